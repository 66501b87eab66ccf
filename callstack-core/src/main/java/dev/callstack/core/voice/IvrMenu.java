package dev.callstack.core.voice;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.event.DtmfReceived;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A declarative IVR menu: a prompt, single-digit options each bound to an {@link IvrAction}, what to play on a wrong
 * digit or on silence, and how many retries the caller gets.
 *
 * <pre>{@code
 * IvrMenu menu = IvrMenu.builder(welcome)
 *         .option("1", IvrAction.voicemail(box))
 *         .option("2", IvrAction.play(openingHours))
 *         .option("0", IvrAction.event("operator"))
 *         .invalidPrompt(sorry).goodbye(bye)
 *         .build();
 * IvrOutcome outcome = menu.run(session, caller, listener);   // on a thread of your own
 * }</pre>
 *
 * <p>The prompt is played with {@link CallSession#playAndCollect} (a digit stops it: barge-in). A digit that is no
 * option plays the invalid-input prompt; silence for the digit timeout plays the timeout prompt (or the invalid-input
 * one); either way the menu starts over, until the retries are used up: then the goodbye plays and the menu hangs up.
 * A valid option resets the count.
 *
 * <p>Immutable and thread-safe: one menu serves any number of calls at once; {@link #run} blocks its thread.
 */
public final class IvrMenu {
    /** The default time the caller has to press a digit after the prompt ends. */
    public static final Duration DEFAULT_DIGIT_TIMEOUT = Duration.ofSeconds(5);
    /** The default number of retries after the first wrong or missing digit. */
    public static final int DEFAULT_RETRIES = 2;
    /** The most retries a menu may allow. */
    public static final int MAX_RETRIES = 9;

    private final AudioClip prompt;
    private final Map<String, IvrAction> options;
    private final AudioClip invalidPrompt;
    private final AudioClip timeoutPrompt;
    private final AudioClip goodbye;
    private final Duration digitTimeout;
    private final int retries;

    private IvrMenu(Builder b) {
        this.prompt = b.prompt;
        // Insertion order kept so that listings and logs follow the plan as written.
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
        this.invalidPrompt = b.invalidPrompt;
        this.timeoutPrompt = b.timeoutPrompt;
        this.goodbye = b.goodbye;
        this.digitTimeout = b.digitTimeout;
        this.retries = b.retries;
    }

    /**
     * Starts a menu description.
     *
     * @param prompt the menu's prompt; not null
     * @return a builder with no options, no invalid, timeout or goodbye prompt, {@link #DEFAULT_DIGIT_TIMEOUT} and
     *         {@link #DEFAULT_RETRIES}
     */
    public static Builder builder(AudioClip prompt) {
        return new Builder(prompt);
    }

    /**
     * Runs the menu on a call whose caller is unknown; see {@link #run(CallSession, PhoneNumber, IvrListener)}.
     *
     * @param session  the active call; not null
     * @param listener told what happens; not null ({@link IvrListener#NONE} to ignore)
     * @return how it went; never null
     */
    public IvrOutcome run(CallSession session, IvrListener listener) {
        return run(session, null, listener);
    }

    /**
     * Runs the menu until the call is over: an action completes it, the retries run out, or the caller hangs up. A
     * hang-up anywhere (a {@link dev.callstack.core.CallEndedException}) ends the run normally with
     * {@link IvrOutcome.Ending#CALLER_HUNG_UP}; it is never thrown. Blocks the calling thread.
     *
     * @param session  the active call; not null
     * @param caller   who called, or null if withheld; passed to voicemail boxes
     * @param listener told what happens; not null ({@link IvrListener#NONE} to ignore)
     * @return how it went; never null
     * @throws RuntimeException whatever a {@link IvrAction.Custom} action threw (other than a call-ended exception),
     *                          after hanging up
     */
    public IvrOutcome run(CallSession session, PhoneNumber caller, IvrListener listener) {
        return new IvrRun(session, caller, listener).run(this);
    }

    /**
     * The menu's prompt.
     *
     * @return the clip
     */
    public AudioClip prompt() {
        return prompt;
    }

    /**
     * The options.
     *
     * @return digit → action, in the order they were added; unmodifiable
     */
    public Map<String, IvrAction> options() {
        return options;
    }

    /**
     * The action for a digit.
     *
     * @param digit what the caller pressed
     * @return the action, or empty if it is no option
     */
    public Optional<IvrAction> option(String digit) {
        return Optional.ofNullable(options.get(digit));
    }

    /**
     * The clip played after a wrong digit (and after silence when there is no timeout prompt).
     *
     * @return the clip, or empty to just repeat the prompt
     */
    public Optional<AudioClip> invalidPrompt() {
        return Optional.ofNullable(invalidPrompt);
    }

    /**
     * The clip played after silence.
     *
     * @return the clip, or empty to use {@link #invalidPrompt()}
     */
    public Optional<AudioClip> timeoutPrompt() {
        return Optional.ofNullable(timeoutPrompt);
    }

    /**
     * The clip played before hanging up when the retries are used up.
     *
     * @return the clip, or empty to hang up without one
     */
    public Optional<AudioClip> goodbye() {
        return Optional.ofNullable(goodbye);
    }

    /**
     * How long the caller has to press a digit after the prompt.
     *
     * @return a positive duration
     */
    public Duration digitTimeout() {
        return digitTimeout;
    }

    /**
     * How many more tries the caller gets after the first wrong or missing digit.
     *
     * @return 0 to {@link #MAX_RETRIES}
     */
    public int retries() {
        return retries;
    }

    /** Shape only; never audio. */
    @Override
    public String toString() {
        return "IvrMenu[prompt=" + prompt.name() + ", options=" + options.size() + ", retries=" + retries
                + ", digitTimeout=" + digitTimeout + "]";
    }

    /** Describes an {@link IvrMenu}. Not thread-safe; confined to the thread building it. */
    public static final class Builder {
        private final AudioClip prompt;
        private final Map<String, IvrAction> options = new LinkedHashMap<>();
        private AudioClip invalidPrompt;
        private AudioClip timeoutPrompt;
        private AudioClip goodbye;
        private Duration digitTimeout = DEFAULT_DIGIT_TIMEOUT;
        private int retries = DEFAULT_RETRIES;

        private Builder(AudioClip prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
        }

        /**
         * Adds an option.
         *
         * @param digit  one DTMF digit ({@code 0-9 * # A-D}, {@link DtmfReceived#isDtmf(char)})
         * @param action what it does; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code digit} is not exactly one DTMF digit or is already an option
         */
        public Builder option(String digit, IvrAction action) {
            Objects.requireNonNull(digit, "digit");
            Objects.requireNonNull(action, "action");
            if (digit.length() != 1 || !DtmfReceived.isDtmf(digit.charAt(0))) {
                throw new IllegalArgumentException(
                        "option must be exactly one DTMF digit (0-9 * # A-D), was '" + digit + "'");
            }
            if (options.containsKey(digit)) {
                throw new IllegalArgumentException("duplicate option '" + digit + "'");
            }
            options.put(digit, action);
            return this;
        }

        /**
         * The clip played after a wrong digit, and after silence if there is no timeout prompt.
         *
         * @param clip the clip, or null to just repeat the prompt
         * @return this builder
         */
        public Builder invalidPrompt(AudioClip clip) {
            this.invalidPrompt = clip;
            return this;
        }

        /**
         * The clip played after silence.
         *
         * @param clip the clip, or null to use the invalid-input prompt
         * @return this builder
         */
        public Builder timeoutPrompt(AudioClip clip) {
            this.timeoutPrompt = clip;
            return this;
        }

        /**
         * The clip played before hanging up when the retries are used up.
         *
         * @param clip the clip, or null for none
         * @return this builder
         */
        public Builder goodbye(AudioClip clip) {
            this.goodbye = clip;
            return this;
        }

        /**
         * How long the caller has to press a digit after the prompt ends.
         *
         * @param timeout positive, at most one hour
         * @return this builder
         * @throws IllegalArgumentException if not positive or longer than an hour
         */
        public Builder digitTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("digit timeout must be positive and at most one hour, was "
                        + timeout);
            }
            this.digitTimeout = timeout;
            return this;
        }

        /**
         * How many more tries the caller gets after the first wrong or missing digit.
         *
         * @param retries 0 to {@link #MAX_RETRIES}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder retries(int retries) {
            if (retries < 0 || retries > MAX_RETRIES) {
                throw new IllegalArgumentException("retries must be 0 to " + MAX_RETRIES + ", was " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * Builds the menu.
         *
         * @return the immutable menu
         * @throws IllegalArgumentException if there is no option
         */
        public IvrMenu build() {
            if (options.isEmpty()) {
                throw new IllegalArgumentException("a menu needs at least one option");
            }
            return new IvrMenu(this);
        }
    }
}
