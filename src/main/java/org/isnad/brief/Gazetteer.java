package org.isnad.brief;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.isnad.text.Language;

/**
 * Known names for a briefing's key facts: people, organizations and places from
 * {@code prompts/ar/brief.gazetteer.tsv}, plus every country the JDK's CLDR data names in Arabic and
 * English. Keys are folded with {@link NameTokens}, so spelling variants and clitics match.
 */
public final class Gazetteer {

    /** What a name denotes. */
    public enum Kind { PERSON, ORG, PLACE }

    /** One known entity with its display name per language. */
    public record Entity(Kind kind, String english, String arabic) {
        public String name(Language language) {
            return language == Language.AR ? arabic : english;
        }
    }

    /** A folded multi-token key and whether it is ambiguous (counts only beside another name). */
    record Alias(Entity entity, boolean weak) {}

    static final String RESOURCE = "prompts/ar/brief.gazetteer.tsv";

    private final Map<String, Alias> aliases = new HashMap<>();
    private int longest = 1;

    private Gazetteer() {}

    /** The bundled gazetteer with the CLDR countries. */
    public static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        g.addCountries();
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the gazetteer " + RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 3) {
                    continue;
                }
                Kind kind = Kind.valueOf(f[0].strip().toUpperCase(Locale.ROOT));
                String arabic = f[2].strip();
                Entity e = new Entity(kind, f[1].strip(), arabic.startsWith("?") ? arabic.substring(1) : arabic);
                g.add(arabic, e);
                g.add(f[1].strip(), e);
                if (f.length > 3) {
                    for (String alias : f[3].split("\\|")) {
                        g.add(alias.strip(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return g;
    }

    private void addCountries() {
        Locale ar = Locale.of("ar");
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            String arabic = country.getDisplayCountry(ar);
            String english = country.getDisplayCountry(Locale.ENGLISH);
            if (arabic.isBlank() || arabic.equals(code)) {
                continue;
            }
            Entity e = new Entity(Kind.PLACE, english, arabic);
            // Country names that are also common words ("مالي" financial, "بنين" sons, "عمان" Amman).
            boolean weak = switch (code) {
                case "ML", "BJ", "OM", "TG", "CU", "JE", "GA", "CH" -> true;
                default -> false;
            };
            add((weak ? "?" : "") + arabic, e);
            add(english, e);
        }
    }

    private void add(String name, Entity e) {
        if (name.isEmpty()) {
            return;
        }
        boolean weak = name.startsWith("?");
        List<String> tokens = NameTokens.fold(weak ? name.substring(1) : name);
        if (tokens.isEmpty()) {
            return;
        }
        longest = Math.max(longest, tokens.size());
        // The file's entries come after the CLDR countries and win over them.
        aliases.put(String.join(" ", tokens), new Alias(e, weak));
    }

    /** The entities named in {@code text}, longest match first at each position, in order of appearance. */
    public List<Entity> find(String text) {
        List<String> tokens = NameTokens.fold(text);
        List<Entity> found = new ArrayList<>();
        boolean strong = false;
        List<Entity> weakOnes = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(longest, tokens.size() - i); n >= 1 && matched == 0; n--) {
                for (String first : NameTokens.variants(tokens.get(i))) {
                    StringBuilder key = new StringBuilder(first);
                    for (int k = 1; k < n; k++) {
                        key.append(' ').append(tokens.get(i + k));
                    }
                    Alias a = aliases.get(key.toString());
                    if (a != null) {
                        if (a.weak()) {
                            weakOnes.add(a.entity());
                        } else {
                            found.add(a.entity());
                            strong = true;
                        }
                        matched = n;
                        break;
                    }
                }
            }
            i += Math.max(matched, 1);
        }
        if (strong) {
            found.addAll(weakOnes);
        }
        return found;
    }
}
