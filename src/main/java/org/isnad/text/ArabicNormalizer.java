package org.isnad.text;

/**
 * Folds Arabic spelling variants for matching (never for display or quoting): alef forms to ا,
 * alef maqsura to ي, taa marbuta to ه, no diacritics or tatweel, Arabic-Indic and Persian digits to
 * ASCII. FIRST CUT (to be completed by the text package owner).
 */
public final class ArabicNormalizer {

    private ArabicNormalizer() {}

    public static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ى' -> out.append('ي');
                case 'ة' -> out.append('ه');
                case 'ـ' -> { }
                default -> {
                    if (c >= '\u064B' && c <= '\u0652' || c == '\u0670') {
                        break;
                    }
                    if (c >= '٠' && c <= '٩') {
                        out.append((char) ('0' + (c - '٠')));
                    } else if (c >= '۰' && c <= '۹') {
                        out.append((char) ('0' + (c - '۰')));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
