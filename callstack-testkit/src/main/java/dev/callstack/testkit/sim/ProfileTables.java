package dev.callstack.testkit.sim;

import static dev.callstack.testkit.sim.CommandHandler.constant;
import static dev.callstack.testkit.sim.CommandHandler.ok;

/**
 * The command tables of the profiles other than SIM800: the SIM800 table with the entries where the real device
 * answers differently. Identity strings are those the real devices report. The LTE modems answer {@code +CEREG}
 * (the SIM800 does not); none of the four answers {@code +C5GREG}.
 */
final class ProfileTables {
    static final CommandTable SIM7600 = lte("Manufacturer: SIMCOM INCORPORATED\r\nModel: SIMCOM_SIM7600E-H",
            "SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "+CGMR: LE20B04SIM7600M22")
            .apply(SimPcm.SIMCOM::install)
            .build();

    static final CommandTable EC25 = lte("Quectel\r\nEC25\r\nRevision: EC25EFAR06A06M4G", "Quectel", "EC25",
            "EC25EFAR06A06M4G")
            .removePrefix("+DDET=")
            .set("+QTONEDET", ok())
            .apply(SimPcm.QUECTEL::install)
            .build();

    static final CommandTable HUAWEI = lte("Manufacturer: Huawei Technologies Co., Ltd.\r\nModel: ME909s-120",
            "Huawei Technologies Co., Ltd.", "ME909s-120", "11.617.01.00.00")
            .removePrefix("+DDET=")
            .replacePrefix("+CUSD=", SimVoice::huaweiUssd)
            .replacePrefix("D", SimVoice::huaweiDial)
            .build();

    private ProfileTables() {
    }

    /** The SIM800 table plus {@code +CEREG} (the LTE modems answer it) and the device's own identity answers. */
    private static CommandTable.Builder lte(String ati, String manufacturer, String model, String revision) {
        return Sim800Commands.TABLE.toBuilder()
                .set("+CEREG", Sim800Commands::registrationMode)
                .query("+CEREG", Sim800Commands::registration)
                .replaceExact("I", constant(ati))
                .replaceExact("+CGMI", constant(manufacturer))
                .replaceExact("+CGMM", constant(model))
                .replaceExact("+CGMR", constant(revision));
    }
}
