package cn.lyg.xilian.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The known responsible units and the spellings notices use for them.
 *
 * <p>Loaded from {@code catalog/units.csv} on the classpath ({@code id,name,kind,aliases}; aliases
 * separated by {@code ;}; lines starting with {@code #} are comments). Names are compared after
 * {@link #normalise(String) normalisation}, so "海州区（连云港高新\n区)" finds "海州区（连云港高新区）".
 */
public final class UnitRegistry {

    public static final String RESOURCE = "catalog/units.csv";

    private final List<Unit> units;
    private final Map<String, Unit> byNormalisedName = new HashMap<>();

    public UnitRegistry(List<Unit> units) {
        this.units = List.copyOf(units);
        for (Unit unit : this.units) {
            for (String spelling : spellings(unit)) {
                Unit previous = byNormalisedName.put(normalise(spelling), unit);
                if (previous != null && !previous.id().equals(unit.id())) {
                    throw new IllegalArgumentException("'" + spelling + "' names both " + previous.id() + " and " + unit.id());
                }
            }
        }
    }

    /** The registry shipped with core. */
    public static UnitRegistry load() {
        try (InputStream in = UnitRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a registry in the {@code units.csv} format. */
    public static UnitRegistry read(InputStream csv) throws IOException {
        List<Unit> units = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true; // id,name,kind,aliases
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException("units.csv line " + lineNumber + ": expected id,name,kind,aliases: " + line);
            }
            String id = cells[0].strip();
            if (!Unit.validId(id) || !ids.add(id)) {
                throw new IllegalArgumentException("units.csv line " + lineNumber + ": bad or duplicate id '" + id + "'");
            }
            List<String> aliases = cells[3].isBlank() ? List.of()
                    : Arrays.stream(cells[3].split(";")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            units.add(new Unit(id, cells[1].strip(), UnitKind.valueOf(cells[2].strip()), aliases));
        }
        return new UnitRegistry(units);
    }

    public List<Unit> units() {
        return units;
    }

    public Optional<Unit> byId(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The unit with this name or alias, ignoring whitespace, line breaks and bracket width. */
    public Optional<Unit> resolve(String name) {
        return Optional.ofNullable(byNormalisedName.get(normalise(name)));
    }

    /**
     * Units whose name or an alias occurs in the text, in registry order. Used to tell which unit a
     * sentence is about.
     */
    public List<Unit> mentionedIn(String text) {
        String haystack = normalise(text);
        List<Unit> found = new ArrayList<>();
        for (Unit unit : units) {
            for (String spelling : spellings(unit)) {
                if (haystack.contains(normalise(spelling))) {
                    found.add(unit);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Whitespace removed (line breaks inside names are layout, not content) and brackets made
     * full-width, the way the notices mostly write them.
     */
    public static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            out.appendCodePoint(switch (c) {
                case '(' -> '（';
                case ')' -> '）';
                default -> c;
            });
        });
        return out.toString();
    }

    private static List<String> spellings(Unit unit) {
        List<String> all = new ArrayList<>();
        all.add(unit.name());
        all.addAll(unit.aliases());
        return all;
    }
}
