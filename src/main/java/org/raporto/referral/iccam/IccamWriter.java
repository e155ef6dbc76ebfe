package org.raporto.referral.iccam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.raporto.referral.iccam.IccamCodes.PaymentMethod;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes ICCAM reports as a file of either {@link IccamFormat}, in UTF-8. */
public final class IccamWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    private IccamWriter() {
    }

    public static byte[] write(List<IccamReport> reports, IccamFormat format) {
        return switch (format) {
            case JSON -> json(reports);
            case CSV -> csv(reports);
        };
    }

    /** {@code {"reports": [...]}}, indented; unknown values are {@code null}. */
    public static byte[] json(List<IccamReport> reports) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("reports");
        for (IccamReport report : reports) {
            ObjectNode node = array.addObject();
            node.put("hotlineReference", report.hotlineReference());
            node.put("hotlineReceivedDate", report.hotlineReceivedDate().toString());
            node.put("reportingHotlineCountryCode", report.reportingHotlineCountryCode());
            node.put("sourceUrlSiteType", report.sourceUrlSiteType().id());
            node.put("sourceUrlCommerciality", report.sourceUrlCommerciality().id());
            ArrayNode methods = node.putArray("sourceUrlPaymentMethods");
            report.sourceUrlPaymentMethods().forEach(method -> methods.add(method.id()));
            ArrayNode urls = node.putArray("urls");
            for (IccamUrl url : report.urls()) {
                ObjectNode item = urls.addObject();
                item.put("urlString", url.urlString());
                item.put("isSourceUrl", url.isSourceUrl());
                item.put("contentType", url.contentType().id());
                item.put("hostingCountryCode", url.hostingCountryCode());
                item.put("hostingIpAddress", url.hostingIpAddress());
                ObjectNode organization = item.putObject("hostingOrganization");
                organization.put("organizationName", url.hostingOrganizationName());
                organization.put("autonomousSystemNumber", url.hostingAutonomousSystemNumber());
                ObjectNode assessment = item.putObject("assessment");
                assessment.put("classification", url.assessment().classification().id());
                assessment.put("ageCategorization", url.assessment().ageCategorization().id());
                assessment.put("genderCategorization", url.assessment().genderCategorization().id());
                assessment.put("virtualContentCategorization", url.assessment().virtualContentCategorization());
                assessment.put("childModelingCategorization", url.assessment().childModelingCategorization());
                assessment.put("userGeneratedContentCategorization", url.assessment().userGeneratedContentCategorization());
                ArrayNode actions = item.putArray("actions");
                for (IccamUrl.Action action : url.actions()) {
                    ObjectNode written = actions.addObject();
                    written.put("actionType", action.actionType().id());
                    written.put("actionDate", action.actionDate().toString());
                    if (action.actionType() == ActionType.MO) {
                        written.put("newCountryCode", action.newCountryCode());
                    }
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** A header row of {@link IccamFormat#COLUMNS}, then one row per address; CRLF after every row (RFC 4180). */
    public static byte[] csv(List<IccamReport> reports) {
        StringBuilder out = new StringBuilder();
        row(out, IccamFormat.COLUMNS);
        for (IccamReport report : reports) {
            for (IccamUrl url : report.urls()) {
                List<String> cells = new ArrayList<>();
                cells.add(report.hotlineReference());
                cells.add(report.hotlineReceivedDate().toString());
                cells.add(text(report.reportingHotlineCountryCode()));
                cells.add(String.valueOf(report.sourceUrlSiteType().id()));
                cells.add(String.valueOf(report.sourceUrlCommerciality().id()));
                cells.add(report.sourceUrlPaymentMethods().stream().map(PaymentMethod::id).map(String::valueOf).collect(Collectors.joining(";")));
                cells.add(url.urlString());
                cells.add(String.valueOf(url.isSourceUrl()));
                cells.add(String.valueOf(url.contentType().id()));
                cells.add(text(url.hostingCountryCode()));
                cells.add(text(url.hostingIpAddress()));
                cells.add(text(url.hostingOrganizationName()));
                cells.add(url.hostingAutonomousSystemNumber() == null ? "" : String.valueOf(url.hostingAutonomousSystemNumber()));
                cells.add(String.valueOf(url.assessment().classification().id()));
                cells.add(String.valueOf(url.assessment().ageCategorization().id()));
                cells.add(String.valueOf(url.assessment().genderCategorization().id()));
                cells.add(String.valueOf(url.assessment().virtualContentCategorization()));
                cells.add(String.valueOf(url.assessment().childModelingCategorization()));
                cells.add(String.valueOf(url.assessment().userGeneratedContentCategorization()));
                cells.add(date(url, ActionType.LEA));
                cells.add(date(url, ActionType.ISP));
                cells.add(date(url, ActionType.CR));
                cells.add(date(url, ActionType.CU));
                cells.add(date(url, ActionType.MO));
                IccamUrl.Action moved = url.action(ActionType.MO);
                cells.add(moved == null ? "" : text(moved.newCountryCode()));
                cells.add(date(url, ActionType.NI));
                row(out, cells);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String date(IccamUrl url, ActionType type) {
        IccamUrl.Action action = url.action(type);
        return action == null ? "" : action.actionDate().toString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
