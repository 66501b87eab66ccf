package dev.callstack.modem.pdu;

import dev.callstack.core.Redaction;
import java.util.Objects;

/**
 * An address as carried in a PDU.
 *
 * @param value         digits, with a leading {@code +} for international numbers; an alphanumeric name such as
 *                      {@code InternetSMS}; or empty when the PDU carried no digits
 * @param typeOfAddress the raw type-of-address octet (e.g. {@code 0x91}, {@code 0x81}, {@code 0xD0})
 */
public record PduAddress(String value, int typeOfAddress) {
    /**
     * Checks the fields.
     *
     * @param value         see {@link #value()}
     * @param typeOfAddress see {@link #typeOfAddress()}
     * @throws IllegalArgumentException when {@code typeOfAddress} is not an octet
     */
    public PduAddress {
        Objects.requireNonNull(value, "value");
        if (typeOfAddress < 0 || typeOfAddress > 0xFF) {
            throw new IllegalArgumentException("typeOfAddress must be an octet");
        }
    }

    /**
     * The type of number, bits 6–4 of {@link #typeOfAddress()}.
     *
     * @return the type of number
     */
    public NumberType numberType() {
        return NumberType.fromTypeOfAddress(typeOfAddress);
    }

    /**
     * Whether the value is a sender name rather than a number.
     *
     * @return true for {@link NumberType#ALPHANUMERIC}
     */
    public boolean isAlphanumeric() {
        return numberType() == NumberType.ALPHANUMERIC;
    }

    /** Redacted, so an address that ends up in a log line stays private. */
    @Override
    public String toString() {
        return "PduAddress[" + Redaction.phone(value) + ", toa=" + Integer.toHexString(typeOfAddress) + "]";
    }
}
