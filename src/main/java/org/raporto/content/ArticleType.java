package org.raporto.content;

/** What kind of article it is, which decides where it is shown and at which address. */
public enum ArticleType {
    GUIDE, MANUAL, NEWS, PAGE, FAQ, RESOURCE, PARTNER
}
