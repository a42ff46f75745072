package org.isnad.bot;

/** Who is asking, from the ids in {@code telegram.staffIds} / {@code telegram.moderatorIds}. */
public enum Role {
    SUBSCRIBER, STAFF, MODERATOR;

    /** The name the answer log records. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
