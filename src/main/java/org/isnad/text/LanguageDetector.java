package org.isnad.text;

/** Tells Arabic from English from anything else by script and common words. */
public final class LanguageDetector {

    public Language detect(String text) {
        if (text == null) {
            return Language.OTHER;
        }
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c)) {
                arabic++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        if (arabic == 0 && latin == 0) {
            return Language.OTHER;
        }
        return arabic >= latin ? Language.AR : Language.EN;
    }
}
