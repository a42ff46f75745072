package org.isnad.answer.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt file from {@code prompts/<language>/<name>.v<version>.txt} (shipped on the
 * classpath). The file is split into sections by lines {@code ### section}; text before the first
 * section is a comment for people. {@code {{name}}} placeholders are filled by {@link #render}.
 * {@link #id()} ("en/llm-answer.v1") is recorded with every answer that used it.
 */
public final class PromptTemplate {

    private static final Pattern SECTION = Pattern.compile("(?m)^### +([\\w.-]+) *$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String id;
    private final Map<String, String> sections;

    private PromptTemplate(String id, Map<String, String> sections) {
        this.id = id;
        this.sections = sections;
    }

    /** Loads {@code prompts/<language>/<name>.v<version>.txt}; throws when it is missing. */
    public static PromptTemplate load(String language, String name, int version) {
        String id = language + "/" + name + ".v" + version;
        String resource = "prompts/" + id + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt file missing from the classpath: " + resource);
            }
            return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    static PromptTemplate parse(String id, String body) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(body.replace("\r\n", "\n"));
        String name = null;
        int from = 0;
        String text = body.replace("\r\n", "\n");
        while (m.find()) {
            if (name != null) {
                sections.put(name, text.substring(from, m.start()).strip());
            }
            name = m.group(1);
            from = m.end();
        }
        if (name != null) {
            sections.put(name, text.substring(from).strip());
        }
        if (sections.isEmpty()) {
            throw new IllegalStateException("prompt " + id + " has no ### sections");
        }
        return new PromptTemplate(id, Map.copyOf(sections));
    }

    public String id() {
        return id;
    }

    public boolean has(String section) {
        return sections.containsKey(section);
    }

    /** The section with every {@code {{key}}} replaced by its value (unknown keys are left as they are). */
    public String render(String section, Map<String, String> values) {
        String text = sections.get(section);
        if (text == null) {
            throw new IllegalStateException("prompt " + id + " has no section " + section);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String render(String section) {
        return render(section, Map.of());
    }
}
