package org.isnad.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.isnad.text.Language;

/**
 * The framing sentences of answers, per language, from {@code prompts/<lang>/answer.properties}
 * (UTF-8). Placeholders are written {name}. No user-facing sentence lives in Java code.
 */
public final class Templates {

    private final Map<Language, Properties> byLanguage = new EnumMap<>(Language.class);

    private Templates() {}

    /** Loads the Arabic and English templates from the class path (prompts/ is packed into the jar). */
    public static Templates load() {
        Templates t = new Templates();
        t.byLanguage.put(Language.AR, read("prompts/ar/answer.properties"));
        t.byLanguage.put(Language.EN, read("prompts/en/answer.properties"));
        return t;
    }

    private static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template file " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return p;
    }

    /** The template {@code key} in {@code language} (English for anything but Arabic) with {@code vars} filled in. */
    public String get(Language language, String key, Map<String, String> vars) {
        Properties p = byLanguage.get(language == Language.AR ? Language.AR : Language.EN);
        String template = p.getProperty(key);
        if (template == null) {
            template = byLanguage.get(Language.EN).getProperty(key);
        }
        if (template == null) {
            throw new IllegalStateException("no template " + key);
        }
        String out = template;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return out;
    }

    public String get(Language language, String key) {
        return get(language, key, Map.of());
    }

    /** A date as the answer states it ("26 February 2024", "26 فبراير 2024"). */
    public String date(Language language, LocalDate date) {
        Locale locale = language == Language.AR ? Locale.forLanguageTag("ar") : Locale.ENGLISH;
        return DateTimeFormatter.ofPattern(get(language, "date.pattern"), locale).format(date);
    }
}
