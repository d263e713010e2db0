package org.onboarding.testsupport;

import org.onboarding.job.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every end-to-end import test starts from: the real launcher, on a database scenario.
 */
public abstract class ImportScenario extends DatabaseScenario {

    /** Every standard column, three custom fields of the demo feed, and connects. */
    public static final String HEADER = "referenceId,name,accountTypeId,bvn,email,phone,id_type,id_number,occupation,"
            + "date_of_birth,state,connects";

    /**
     * Ten rows of {@link #HEADER}, of which three are rejected (no name, a BVN another referenceId holds,
     * a 12-digit BVN) and one updates an earlier row: the file restart tests interrupt.
     */
    public static final String[] TEN_ROWS = {
        "CUS-1,One,1,22100000001,,,,,Trader,,Lagos,",
        "CUS-2,,1,22100000002,,,,,,,,",
        "CUS-3,Three,1,22100000003,,,,,,,,",
        "CUS-1,One Again,1,22100000001,,,,,Banker,,,",
        "CUS-5,Five,1,22100000005,,,,,,,,",
        "CUS-6,Six,1,22100000001,,,,,,,,",
        "CUS-7,Seven,1,22100000007,,,,,,,,",
        "CUS-8,Eight,2,22100000008,,,,,,,,",
        "CUS-9,Nine,1,22100000009,,,,,,,,",
        "CUS-10,Ten,1,221000000010,,,,,,,,"};

    @Autowired
    protected ImportLauncher launcher;
}
