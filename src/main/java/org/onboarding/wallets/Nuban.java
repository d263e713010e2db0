package org.onboarding.wallets;

import java.util.regex.Pattern;

/**
 * A NUBAN, the CBN's 10-digit Nigeria Uniform Bank Account Number: a 9-digit serial and a check
 * digit computed over the bank's code and the serial. Under the revised standard the bank code is
 * six digits (a commercial bank's three-digit code is padded with leading zeros, which weigh
 * nothing, so the original three-digit algorithm gives the same digit), and the 15 digits are
 * weighted 3, 7, 3, 3, 7, 3, … ; the check digit is 10 minus the sum modulo 10, with 10 read as 0.
 */
public final class Nuban {

    private static final int[] WEIGHTS = {3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3};
    private static final long SERIALS = 1_000_000_000L;
    // Compiled once: an import draws a million account numbers.
    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3}|[0-9]{6}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{10}");

    private Nuban() {
    }

    /** The account number of a serial (0 to 999,999,999) under a bank code of three or six digits. */
    public static String of(String bankCode, long serial) {
        if (serial < 0 || serial >= SERIALS) {
            throw new IllegalArgumentException("a NUBAN serial has nine digits, not " + serial);
        }
        String digits = Long.toString(SERIALS + serial).substring(1);
        return digits + checkDigit(bankCode, digits);
    }

    /** Whether a 10-digit account number's check digit is right for the bank code. */
    public static boolean isValid(String bankCode, String accountNumber) {
        return accountNumber != null && ACCOUNT_NUMBER.matcher(accountNumber).matches()
                && checkDigit(bankCode, accountNumber.substring(0, 9)) == accountNumber.charAt(9) - '0';
    }

    static int checkDigit(String bankCode, String serial) {
        String code = sixDigits(bankCode);
        String digits = code + serial;
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return (10 - sum % 10) % 10;
    }

    private static String sixDigits(String bankCode) {
        if (bankCode == null || !BANK_CODE.matcher(bankCode).matches()) {
            throw new IllegalArgumentException("a bank code has three or six digits, not '" + bankCode + "'");
        }
        return bankCode.length() == 3 ? "000" + bankCode : bankCode;
    }
}
