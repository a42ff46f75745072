package org.isnad.brief;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.isnad.text.Language;

/**
 * The framing sentences of briefings in one language, read from {@code prompts/<lang>/brief.properties}
 * (shipped in the jar). Placeholders are written {@code {name}}; no user-facing text lives in Java.
 */
public final class BriefTemplates {

    private final Language language;
    private final Properties texts;

    private BriefTemplates(Language language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The templates for {@code language} (English for anything but Arabic). */
    public static BriefTemplates load(Language language) {
        Language lang = language == Language.AR ? Language.AR : Language.EN;
        String resource = "prompts/" + lang.code() + "/brief.properties";
        try (InputStream in = BriefTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the briefing templates " + resource + " are missing from the build");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new BriefTemplates(lang, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public Language language() {
        return language;
    }

    /** The template {@code key} with each {@code {name}} replaced by its value. */
    public String format(String key, Map<String, ?> values) {
        String t = texts.getProperty(key);
        if (t == null) {
            throw new IllegalStateException("no briefing template '" + key + "' for " + language.code());
        }
        StringBuilder out = new StringBuilder(t.length() + 64);
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            int close = open < 0 ? -1 : t.indexOf('}', open);
            if (close < 0) {
                out.append(t, i, t.length());
                break;
            }
            out.append(t, i, open);
            String name = t.substring(open + 1, close);
            Object v = values.get(name);
            out.append(v == null ? "" : v);
            i = close + 1;
        }
        return out.toString();
    }

    public String text(String key) {
        return format(key, Map.of());
    }

    /** Joins names with the language's list separator. */
    public String list(Iterable<String> items) {
        return String.join(texts.getProperty("list.separator", ", "), items);
    }
}
