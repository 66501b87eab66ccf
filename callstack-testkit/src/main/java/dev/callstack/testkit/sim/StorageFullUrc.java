package dev.callstack.testkit.sim;

import java.util.Map;

/**
 * What each simulated modem says when its message memory fills up, as data: Huawei's {@code ^SMMEMFULL: <mem>}
 * (Huawei ME909s AT command interface specification, "^SMMEMFULL"), SIMCom's and Quectel's named indicator
 * {@code +CIEV: "SMSFULL",1}. Stateless.
 */
final class StorageFullUrc {
    private static final String CIEV = "+CIEV: \"SMSFULL\",1";
    private static final Map<SimProfile, String> LINES = Map.of(
            SimProfile.SIM800, CIEV,
            SimProfile.SIM7600, CIEV,
            SimProfile.EC25, CIEV,
            SimProfile.HUAWEI, "^SMMEMFULL: \"SM\"");

    private StorageFullUrc() {
    }

    static String line(SimProfile profile) {
        return LINES.getOrDefault(profile, CIEV);
    }
}
