package org.isnad.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One outlet, one name. Spellings of an outlet that differ only in case, spacing or punctuation
 * ("France24", "france 24", "FRANCE-24") share a {@link #key}; the alias table (configuration:
 * {@code ingest.outlets}, a canonical name with its other spellings, "France 24: [France24, فرانس 24]")
 * gives the name they are shown and stored under. Filters, facets and /sources compare keys.
 */
public final class OutletNames {

    private static final OutletNames NONE = new OutletNames(Map.of());

    private final Map<String, String> canonicalByKey = new HashMap<>();

    /** @param aliases each canonical name with its other spellings (null: none) */
    public OutletNames(Map<String, List<String>> aliases) {
        if (aliases != null) {
            aliases.forEach((canonical, others) -> {
                if (canonical == null || canonical.isBlank()) {
                    return;
                }
                String name = canonical.strip();
                canonicalByKey.put(key(name), name);
                for (String other : others == null ? List.<String>of() : others) {
                    if (other != null && !key(other).isEmpty()) {
                        canonicalByKey.putIfAbsent(key(other), name);
                    }
                }
            });
        }
    }

    /** No alias table: spellings still share keys, and keep their own names. */
    public static OutletNames none() {
        return NONE;
    }

    /** The name an outlet is stored and shown under: the alias table's, else as written (trimmed); null stays null. */
    public String canonical(String outlet) {
        if (outlet == null) {
            return null;
        }
        String name = outlet.strip();
        return canonicalByKey.getOrDefault(key(name), name);
    }

    /** What makes two spellings one outlet: letters and digits only, lower case, Arabic folded. */
    public static String key(String outlet) {
        if (outlet == null) {
            return "";
        }
        String folded = ArabicNormalizer.normalize(outlet.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
