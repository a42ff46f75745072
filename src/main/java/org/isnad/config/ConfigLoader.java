package org.isnad.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@link IsnadConfig}: the defaults shipped in {@code config/isnad.yaml} (from the classpath),
 * optionally a YAML file given by {@code ISNAD_CONFIG} on top, then environment variables.
 *
 * <p>Every leaf key has an environment name: {@code ISNAD_} followed by the key path in UPPER_SNAKE
 * case, so {@code telegram.apiUrl} is {@code ISNAD_TELEGRAM_API_URL} and {@code dataDir} is
 * {@code ISNAD_DATA_DIR}. Lists take comma-separated values.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "config/isnad.yaml";
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, String> env;

    /** @param env the environment to read overrides from (pass {@code System.getenv()} in production) */
    public ConfigLoader(Map<String, String> env) {
        this.env = withAliases(env);
    }

    /** Short names documented for users: ISNAD_ANSWERER is answer.answerer (ISNAD_ANSWER_ANSWERER). */
    private static Map<String, String> withAliases(Map<String, String> env) {
        Map<String, String> out = new java.util.HashMap<>(env);
        if (env.get("ISNAD_ANSWERER") != null) {
            out.putIfAbsent("ISNAD_ANSWER_ANSWERER", env.get("ISNAD_ANSWERER"));
        }
        return Map.copyOf(out);
    }

    /** The defaults plus {@code ISNAD_CONFIG} (a YAML file) plus environment overrides. */
    public IsnadConfig load() {
        ObjectNode tree = readDefaults();
        Optional.ofNullable(env.get("ISNAD_CONFIG")).filter(s -> !s.isBlank())
                .ifPresent(file -> merge(tree, readFile(Path.of(file))));
        applyEnv(tree, "ISNAD");
        try {
            return yaml.treeToValue(tree, IsnadConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("configuration does not bind: " + e.getMessage(), e);
        }
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode readFile(Path file) {
        try {
            JsonNode node = yaml.readTree(Files.readString(file));
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private void applyEnv(ObjectNode node, String prefix) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String key : names) {
            String envName = prefix + "_" + upperSnake(key);
            JsonNode child = node.get(key);
            if (child instanceof ObjectNode object) {
                applyEnv(object, envName);
                continue;
            }
            String value = env.get(envName);
            if (value == null) {
                continue;
            }
            if (child instanceof ArrayNode) {
                ArrayNode array = node.putArray(key);
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        array.add(part.trim());
                    }
                }
            } else {
                node.put(key, value);
            }
        }
    }

    /** {@code apiUrl} becomes {@code API_URL}; {@code timeoutS} becomes {@code TIMEOUT_S}. */
    static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

}
