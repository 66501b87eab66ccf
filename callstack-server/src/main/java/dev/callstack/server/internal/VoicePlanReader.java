package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.IvrOptionChosen;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.IvrMenu;
import dev.callstack.modem.voice.AudioClips;
import dev.callstack.modem.voice.AudioFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a voice plan file: JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}). Every mistake
 * is a {@link VoicePlanException} naming the file, the path of the value and the reason; WAV paths are resolved
 * against the plan's directory and loaded here, so a missing or non-audio file is refused at startup. Each read has its
 * own instance, confined to the calling thread.
 */
public final class VoicePlanReader {
    static final int MAX_RINGS = 20;
    static final int MAX_TIMEOUT_SECONDS = 60;
    static final int MAX_RETRIES = IvrMenu.MAX_RETRIES;
    static final int MAX_VOICEMAIL_SECONDS = 3600;
    static final int DEFAULT_VOICEMAIL_SECONDS = 120;
    private static final Set<String> TOP_KEYS = Set.of("answer", "greeting", "options", "timeout_seconds", "retries",
            "invalid", "goodbye");
    private static final Set<String> ANSWER_KEYS = Set.of("from", "after_rings");
    private static final Set<String> ACTIONS = Set.of("voicemail", "play", "event");
    private static final Set<String> VOICEMAIL_KEYS = Set.of("max_seconds");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;
    private final Path directory;

    private VoicePlanReader(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.directory = parent == null ? Path.of(".") : parent;
    }

    /**
     * Checks a plan file without keeping it, for the CLI's startup checks.
     *
     * @param file the plan
     * @throws IllegalArgumentException naming the file, the path and the reason when the plan is refused
     */
    public static void check(Path file) {
        read(file);
    }

    /** Reads, validates and loads {@code file}. */
    static VoicePlan read(Path file) {
        return new VoicePlanReader(file).plan();
    }

    private VoicePlan plan() {
        JsonNode root = parse();
        requireObject(root, "(root)");
        knownKeys(root, "", TOP_KEYS);
        VoicePlan.Answer answer = answer(root.get("answer"));
        AudioClip greeting = clip(required(root, "greeting", ""), "greeting");
        Map<Character, VoicePlan.Action> options = options(required(root, "options", ""));
        int timeout = integer(root.get("timeout_seconds"), "timeout_seconds", 5, 1, MAX_TIMEOUT_SECONDS);
        int retries = integer(root.get("retries"), "retries", 2, 0, MAX_RETRIES);
        AudioClip invalid = root.has("invalid") ? clip(root.get("invalid"), "invalid") : null;
        AudioClip goodbye = root.has("goodbye") ? clip(root.get("goodbye"), "goodbye") : null;
        return new VoicePlan(file.toString(), answer, greeting, options, Duration.ofSeconds(timeout), retries,
                invalid, goodbye);
    }

    private JsonNode parse() {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".json")) {
            throw refuse("", "the file name must end in .json, .yaml or .yml");
        }
        if (!Files.isRegularFile(file)) {
            throw new VoicePlanException("voice plan " + file + ": no such file");
        }
        try {
            JsonNode root = (yaml ? YAML : JSON).readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw refuse("", "the file is empty");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String line = where == null || where.getLineNr() < 1 ? "" : " line " + where.getLineNr() + ":";
            throw new VoicePlanException("voice plan " + file + ":" + line + " not valid " + (yaml ? "YAML" : "JSON")
                    + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new VoicePlanException("voice plan " + file + ": cannot read it (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /** SnakeYAML's messages span lines (with a caret drawing); the operator gets one line and its number. */
    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private VoicePlan.Answer answer(JsonNode node) {
        if (node == null) {
            return new VoicePlan.Answer(List.of(), 1);
        }
        requireObject(node, "answer");
        knownKeys(node, "answer.", ANSWER_KEYS);
        List<CallerPattern> from = new ArrayList<>();
        JsonNode list = node.get("from");
        if (list != null) {
            if (!list.isArray() || list.isEmpty()) {
                throw refuse("answer.from", "must be a non-empty list of caller patterns such as \"+4915*\"");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isTextual() || !CallerPattern.isValid(item.asText())) {
                    throw refuse("answer.from." + i, "must be '+' and digits with * and ?, e.g. \"+4915*\", or \"*\"");
                }
                from.add(CallerPattern.of(item.asText()));
            }
        }
        return new VoicePlan.Answer(from, integer(node.get("after_rings"), "answer.after_rings", 1, 1, MAX_RINGS));
    }

    private Map<Character, VoicePlan.Action> options(JsonNode node) {
        requireObject(node, "options");
        if (node.isEmpty()) {
            throw refuse("options", "needs at least one option");
        }
        Map<Character, VoicePlan.Action> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            String path = "options." + key;
            if (key.length() != 1 || !DtmfReceived.isDtmf(key.charAt(0))) {
                throw refuse(path, "an option must be one DTMF digit: 0-9, *, #, A-D");
            }
            options.put(key.charAt(0), action(entry.getValue(), path));
        }
        return options;
    }

    private VoicePlan.Action action(JsonNode node, String path) {
        requireObject(node, path);
        if (node.size() != 1) {
            throw refuse(path, "needs exactly one action: voicemail, play or event");
        }
        String name = node.fieldNames().next();
        JsonNode value = node.get(name);
        String at = path + "." + name;
        switch (name) {
            case "voicemail" -> {
                if (value.isNull()) {
                    return new VoicePlan.Voicemail(Duration.ofSeconds(DEFAULT_VOICEMAIL_SECONDS));
                }
                requireObject(value, at);
                knownKeys(value, at + ".", VOICEMAIL_KEYS);
                return new VoicePlan.Voicemail(Duration.ofSeconds(integer(value.get("max_seconds"),
                        at + ".max_seconds", DEFAULT_VOICEMAIL_SECONDS, 1, MAX_VOICEMAIL_SECONDS)));
            }
            case "play" -> {
                return new VoicePlan.Play(clip(value, at));
            }
            case "event" -> {
                if (!value.isTextual() || !IvrOptionChosen.isEventName(value.asText())) {
                    throw refuse(at, "must be a name of 1 to 40 of a-z 0-9 _ . -");
                }
                return new VoicePlan.Notify(value.asText());
            }
            default -> throw refuse(at, "unknown action; use one of " + String.join(", ", ACTIONS.stream()
                    .sorted().toList()));
        }
    }

    private AudioClip clip(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw refuse(path, "must be the path of a WAV file");
        }
        Path wav = directory.resolve(node.asText()).normalize();
        if (!Files.isRegularFile(wav)) {
            throw refuse(path, "file not found: " + wav);
        }
        try {
            return AudioClips.load(wav);
        } catch (AudioFileException e) {
            throw new VoicePlanException(prefix(path) + wav + " is not usable audio: " + e.reason(), e);
        } catch (IOException e) {
            throw new VoicePlanException(prefix(path) + "cannot read " + wav + " (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private int integer(JsonNode node, String path, int fallback, int min, int max) {
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw refuse(path, "must be a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }

    private JsonNode required(JsonNode parent, String key, String prefix) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw refuse(prefix + key, "is required");
        }
        return node;
    }

    private void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw refuse(path, "must be an object");
        }
    }

    private void knownKeys(JsonNode node, String prefix, Set<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw refuse(prefix + key, "unknown key; known: " + String.join(", ", known.stream().sorted()
                        .toList()));
            }
        });
    }

    private String prefix(String path) {
        return "voice plan " + file + ": " + (path.isEmpty() ? "" : path + ": ");
    }

    private VoicePlanException refuse(String path, String reason) {
        return new VoicePlanException(prefix(path) + reason);
    }
}
