-- Hosting countries and networks now count items, as INHOPE and the IWF count URLs: illegal_countries holds one
-- entry per illegal item whose host was traced to a country (a country repeated for each of its items), and
-- illegal_networks one entry per illegal item and network of its host. Emptying the projection makes the next start
-- derive every row again from the source tables (stats.Projection.fillWhenEmpty).
COMMENT ON COLUMN stats_report.illegal_countries IS
    'One entry per item assessed as illegal whose host was traced to a country: that country (repeated per item).';
COMMENT ON COLUMN stats_report.illegal_networks IS
    'One entry per item assessed as illegal and network of its host (AS number and name).';
TRUNCATE stats_report, stats_referral;
