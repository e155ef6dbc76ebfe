package org.raporto.intake;

/** Where the reported content or account is. */
public enum Platform {
    INSTAGRAM, TIKTOK, FACEBOOK, SNAPCHAT, YOUTUBE, X, TELEGRAM, WHATSAPP, VIBER, DISCORD, ROBLOX, GAME, WEBSITE, OTHER
}
