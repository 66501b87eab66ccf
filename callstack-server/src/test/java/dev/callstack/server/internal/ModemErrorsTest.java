package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModemErrorsTest {
    private static final ModemErrors ERRORS = new ModemErrors("bad thing", "too slow", "it failed", 409, "so busy");

    @Test
    void everyCoreExceptionTypeHasExactlyOneRule() {
        assertThat(Set.<Class<?>>copyOf(ModemErrors.RULES.keySet()))
                .isEqualTo(Set.of(CallstackException.class.getPermittedSubclasses()));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new InvalidRequestException("detail +15550100100"), 400, "bad thing"),
                Arguments.of(new ModemRejectedException("detail", 500), 502, "it failed"),
                Arguments.of(new ModemUnavailableException("detail"), 503, "modem not connected"),
                Arguments.of(new ModemTimeoutException("detail"), 504, "too slow"),
                Arguments.of(new dev.callstack.core.ModemBusyException("detail"), 409, "so busy"),
                Arguments.of(new dev.callstack.core.IdempotencyConflictException("detail"), 422,
                        "Idempotency-Key was used for a different request"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachTypeGetsItsStatusAndTheRoutesFixedMessage(CallstackException failure, int status, String message) {
        assertThat(ERRORS.status(failure)).isEqualTo(status);
        for (Throwable wrapped : new Throwable[] {failure, new CompletionException(failure),
                new ExecutionException(new CompletionException(failure))}) {
            HttpReply reply = ERRORS.replyOrRethrow(wrapped);
            assertThat(reply.status()).isEqualTo(status);
            // The exception's own message (which may hold request data) never reaches the client.
            assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"error\":\"" + message + "\"}");
        }
    }

    @Test
    void anythingElseIsRethrownUnwrappedForTheRouter() {
        HttpError refusal = HttpError.badRequest("invalid 'limit'");
        assertThatThrownBy(() -> ERRORS.replyOrRethrow(new CompletionException(refusal))).isSameAs(refusal);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> ERRORS.replyOrRethrow(bug)).isSameAs(bug);
    }
}
