package dev.callstack.testkit.sim;

import static dev.callstack.testkit.sim.CommandHandler.constant;
import static dev.callstack.testkit.sim.CommandHandler.ok;

/**
 * The command tables of the profiles other than SIM800: the SIM800 table with the entries where the real device
 * answers differently. Identity strings are those the real devices report. The LTE modems answer {@code +CEREG}
 * (the SIM800 does not); none of the four answers {@code +C5GREG}.
 */
final class ProfileTables {
    static final CommandTable SIM7600 = Sim800Commands.TABLE.toBuilder()
            .set("+CEREG", Sim800Commands::registrationMode)
            .query("+CEREG", Sim800Commands::registration)
            .replaceExact("I", constant("Manufacturer: SIMCOM INCORPORATED\r\nModel: SIMCOM_SIM7600E-H"))
            .replaceExact("+CGMI", constant("SIMCOM INCORPORATED"))
            .replaceExact("+CGMM", constant("SIMCOM_SIM7600E-H"))
            .replaceExact("+CGMR", constant("+CGMR: LE20B04SIM7600M22"))
            .build();

    static final CommandTable EC25 = Sim800Commands.TABLE.toBuilder()
            .set("+CEREG", Sim800Commands::registrationMode)
            .query("+CEREG", Sim800Commands::registration)
            .replaceExact("I", constant("Quectel\r\nEC25\r\nRevision: EC25EFAR06A06M4G"))
            .replaceExact("+CGMI", constant("Quectel"))
            .replaceExact("+CGMM", constant("EC25"))
            .replaceExact("+CGMR", constant("EC25EFAR06A06M4G"))
            .removePrefix("+DDET=")
            .set("+QTONEDET", ok())
            .build();

    static final CommandTable HUAWEI = Sim800Commands.TABLE.toBuilder()
            .set("+CEREG", Sim800Commands::registrationMode)
            .query("+CEREG", Sim800Commands::registration)
            .replaceExact("I", constant("Manufacturer: Huawei Technologies Co., Ltd.\r\nModel: ME909s-120"))
            .replaceExact("+CGMI", constant("Huawei Technologies Co., Ltd."))
            .replaceExact("+CGMM", constant("ME909s-120"))
            .replaceExact("+CGMR", constant("11.617.01.00.00"))
            .removePrefix("+DDET=")
            .replacePrefix("+CUSD=", SimVoice::huaweiUssd)
            .replacePrefix("D", SimVoice::huaweiDial)
            .build();

    private ProfileTables() {
    }
}
