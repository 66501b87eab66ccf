package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.callstack.realtime.WireViews;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree builder against the {@code ObjectMapper} it replaces: the same nodes, node class by node class, for every
 * JSON kind; the same refusals; and no stack overflow however deep a hostile body nests.
 */
class JsonTreesTest {
    /** What the server's mapper was: the wire factory, strict duplicates, no trailing tokens. */
    private static final ObjectMapper MAPPER = new ObjectMapper(WireViews.newJsonFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonFactory FACTORY = WireViews.newJsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static JsonNode read(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            return JsonTrees.read(parser);
        }
    }

    @Test
    void everyJsonKindBecomesTheNodeReadTreeBuilds() throws IOException {
        Map<String, Class<? extends JsonNode>> kinds = Map.ofEntries(
                Map.entry("1", IntNode.class),
                Map.entry("-2147483648", IntNode.class),
                Map.entry("2147483648", LongNode.class),
                Map.entry("12345678901234567890", BigIntegerNode.class),
                Map.entry("1.5", DoubleNode.class),
                Map.entry("1e400", DoubleNode.class),
                Map.entry("-0.0", DoubleNode.class),
                Map.entry("123456789012345678901234567890.5", DoubleNode.class),
                Map.entry("true", BooleanNode.class),
                Map.entry("false", BooleanNode.class),
                Map.entry("null", NullNode.class),
                Map.entry("\"text \\u00e9 \\ud83d\\ude00\"", TextNode.class),
                Map.entry("[]", ArrayNode.class),
                Map.entry("{}", ObjectNode.class));
        for (Map.Entry<String, Class<? extends JsonNode>> kind : kinds.entrySet()) {
            JsonNode built = read(kind.getKey());
            assertThat(built).as(kind.getKey()).isExactlyInstanceOf(kind.getValue());
            assertSameTree(built, MAPPER.readTree(kind.getKey()), kind.getKey());
        }
        assertThat(read("1e400").doubleValue()).isInfinite();
        assertThat(read("12345678901234567890").bigIntegerValue()).isEqualTo(new BigInteger("12345678901234567890"));
    }

    @Test
    void nestedValuesKeepTheirOrderAndTypes() throws IOException {
        String json = "{\"to\":\"+15550100\",\"body\":\"hi\",\"n\":[1,2.5,[true,null,{\"z\":{},\"a\":[]}],"
                + "9223372036854775807,9223372036854775808],\"empty\":\"\",\"obj\":{\"b\":1,\"a\":2}}";
        JsonNode built = read(json);
        assertSameTree(built, MAPPER.readTree(json), "root");
        List<String> names = new ArrayList<>();
        built.properties().forEach(field -> names.add(field.getKey()));
        assertThat(names).containsExactly("to", "body", "n", "empty", "obj");
        assertThat(built.path("n").get(3)).isExactlyInstanceOf(LongNode.class);
        assertThat(built.path("n").get(4)).isExactlyInstanceOf(BigIntegerNode.class);
    }

    @Test
    void aDuplicateKeyIsAnErrorAtAnyDepth() {
        assertThatThrownBy(() -> read("{\"to\":\"a\",\"to\":\"b\"}")).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'to'");
        assertThatThrownBy(() -> read("{\"a\":[{\"x\":1,\"x\":1}]}")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void anythingAfterTheRootValueIsAnError() {
        for (String json : List.of("{} {}", "{\"a\":1} 2", "1 2", "[] x", "{}]", "\"a\" \"b\"", "null null")) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(JsonParseException.class);
            assertThatThrownBy(() -> MAPPER.readTree(json)).as(json).isInstanceOf(IOException.class);
        }
    }

    @Test
    void malformedInputIsTheParsersError() {
        for (String json : List.of("{", "[1,", "{\"a\"}", "{\"a\":}", "tru", "{'a':1}", "[1,]", "NaN", "\"open")) {
            assertThatThrownBy(() -> read(json)).as(json).isInstanceOf(JsonParseException.class);
        }
    }

    @Test
    void aHundredThousandDeepArrayIsRefusedByTheParsersLimitNotByTheStack() {
        int depth = 100_000;
        String json = "[".repeat(depth) + "]".repeat(depth);
        assertThatThrownBy(() -> read(json)).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("nesting depth");
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        assertThatThrownBy(() -> read(objects)).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void nestingUpToTheParsersLimitIsBuilt() throws IOException {
        int depth = WireViews.newJsonFactory().streamReadConstraints().getMaxNestingDepth();
        JsonNode node = read("[".repeat(depth) + "]".repeat(depth));
        int levels = 0;
        for (; node != null; node = node.get(0)) {
            levels++;
        }
        assertThat(levels).isEqualTo(depth);
    }

    @Test
    void emptyInputIsMissingAsWithReadTree() throws IOException {
        for (String json : List.of("", "   ", "\n\t")) {
            assertThat(read(json)).isSameAs(MissingNode.getInstance());
            assertThat(MAPPER.readTree(json).isMissingNode()).isTrue();
        }
    }

    @Test
    void requestBodiesKeepTheirDocumentedRefusals() {
        Map<String, String> refusals = Map.of(
                "", ErrorBody.INVALID_JSON,
                "{\"to\":1,\"to\":2}", ErrorBody.INVALID_JSON,
                "{} {}", ErrorBody.INVALID_JSON,
                "{\"to\":", ErrorBody.INVALID_JSON,
                "[".repeat(100_000), ErrorBody.INVALID_JSON,
                "[]", ErrorBody.NOT_AN_OBJECT,
                "\"to\"", ErrorBody.NOT_AN_OBJECT,
                "null", ErrorBody.NOT_AN_OBJECT);
        refusals.forEach((body, message) -> assertThatThrownBy(
                () -> Json.object(Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8))))
                .as(body).isInstanceOfSatisfying(HttpError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.getMessage()).isEqualTo(message);
                }));
        ObjectNode ok = Json.object(Unpooled.copiedBuffer("{\"to\":\"+15550100\"}", StandardCharsets.UTF_8));
        assertThat(Json.nonEmptyText(ok, "to")).isEqualTo("+15550100");
    }

    /** Equal, and node for node of the same class (equals alone lets an IntNode equal nothing else, but say so). */
    private static void assertSameTree(JsonNode built, JsonNode expected, String where) {
        assertThat(built).as(where).isEqualTo(expected);
        assertThat(built.getClass()).as(where).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                assertSameTree(built.get(field.getKey()), field.getValue(), where + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(built.get(i), expected.get(i), where + "[" + i + "]");
            }
        }
    }
}
