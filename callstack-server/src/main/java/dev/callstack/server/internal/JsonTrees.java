package dev.callstack.server.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON trees from a parser's tokens, the nodes {@code ObjectMapper.readTree} would build (int, long or
 * {@code BigInteger} by size; double unless the parser has a {@code BigDecimal}), without an {@code ObjectMapper}: its
 * databind machinery is some three hundred classes the server otherwise never needs, resident for its whole life.
 * Open containers are kept on a deque, not the call stack, so the depth is bounded only by the parser's own
 * {@code StreamReadConstraints} and a hostile body cannot overflow the stack here.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /**
     * Reads the parser's whole input as one value, as {@code readTree} with {@code FAIL_ON_TRAILING_TOKENS} does.
     *
     * @param parser a parser positioned before its first token
     * @return the value, or {@link MissingNode} when the input holds no token at all
     * @throws IOException when the input is malformed (the parser's own errors, duplicate keys and its limits
     *                     included) or anything follows the value
     */
    public static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode value = value(parser, first);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(parser, "Trailing token (" + trailing + ") after the root value");
        }
        return value;
    }

    /** The value that starts with {@code first}, read up to its last token. */
    private static JsonNode value(JsonParser parser, JsonToken first) throws IOException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        String field = null;
        for (JsonToken token = first; ; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonParseException(parser, "Unexpected end of input inside a JSON value");
            }
            JsonNode node;
            switch (token) {
                case FIELD_NAME -> {
                    field = parser.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    ContainerNode<?> done = open.pop();
                    if (open.isEmpty()) {
                        return done;
                    }
                    continue;
                }
                case START_OBJECT -> node = NODES.objectNode();
                case START_ARRAY -> node = NODES.arrayNode();
                default -> node = scalar(parser, token);
            }
            ContainerNode<?> parent = open.peek();
            if (parent instanceof ObjectNode object) {
                object.set(field, node);
            } else if (parent instanceof ArrayNode array) {
                array.add(node);
            } else if (!node.isContainerNode()) {
                return node; // a scalar root
            }
            if (node instanceof ContainerNode<?> container) {
                open.push(container);
            }
        }
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> floating(parser);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> embedded(parser.getEmbeddedObject());
            default -> throw new JsonParseException(parser, "Unexpected token (" + token + ")");
        };
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    /**
     * As databind: a {@code BigDecimal} only when the parser already holds one (trailing zeros stripped, as the default
     * node factory asks), else a double: text parsers give doubles, {@code 1e400} included (infinity).
     */
    private static JsonNode floating(JsonParser parser) throws IOException {
        return switch (parser.getNumberTypeFP()) {
            case BIG_DECIMAL -> NODES.numberNode(NODES.willStripTrailingBigDecimalZeroes()
                    ? parser.getDecimalValue().stripTrailingZeros() : parser.getDecimalValue());
            case FLOAT32 -> NODES.numberNode(parser.getFloatValue());
            default -> NODES.numberNode(parser.getDoubleValue());
        };
    }

    /** What a tree-backed parser (the TOML one) may hand over: binary data, a node, or some other value. */
    private static JsonNode embedded(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return NODES.pojoNode(value);
    }
}
