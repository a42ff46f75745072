package org.isnad.bot;

import java.util.List;
import java.util.Set;
import org.isnad.config.IsnadConfig;

/** Roles and the optional allowlist, from the {@code telegram:} configuration. */
public final class Access {

    private final Set<Long> staff;
    private final Set<Long> moderators;
    private final boolean allowlistOnly;
    private final Set<Long> allowlist;

    public Access(IsnadConfig.Telegram t) {
        this.staff = ids(t.staffIds());
        this.moderators = ids(t.moderatorIds());
        this.allowlistOnly = t.allowlistOnly();
        this.allowlist = ids(t.allowlist());
    }

    private static Set<Long> ids(List<Long> list) {
        return list == null ? Set.of() : Set.copyOf(list);
    }

    /** Moderator wins over staff: a moderator sees the review page and may brief. */
    public Role role(long userId) {
        if (moderators.contains(userId)) {
            return Role.MODERATOR;
        }
        return staff.contains(userId) ? Role.STAFF : Role.SUBSCRIBER;
    }

    /** Everyone, unless allowlist mode is on; staff and moderators are always allowed. */
    public boolean allowed(long userId) {
        return !allowlistOnly || allowlist.contains(userId) || staff.contains(userId) || moderators.contains(userId);
    }

    public boolean canBrief(long userId, boolean openToAll) {
        return openToAll || role(userId) != Role.SUBSCRIBER;
    }
}
