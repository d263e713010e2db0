package org.onboarding.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.UUID;

import com.opencsv.CSVWriter;

/**
 * Writes a synthetic customer file for a Nigerian KYC import: persons and companies with Nigerian
 * names (some with diacritics, some company names with a comma so quoting is exercised), valid
 * and unique BVNs, e-mails and mobile numbers, identity documents, custom fields and connects to
 * companies written earlier in the file. Every row is valid, so an import of it should accept all.
 * <p>
 * It exists for load tests and demos: the output depends only on the seed and the row count
 * (byte-identical across runs, so a slow import can be replayed exactly), and rows are streamed,
 * so a file of any size costs the same memory.
 */
public final class SampleFileGenerator {

    /** The columns the file is written with, in order. */
    public static final String[] HEADER = Arrays.stream(Column.values()).map(Column::header).toArray(String[]::new);

    /** BVNs ("22" and nine digits) and phone numbers (ten prefixes of ten million numbers) are unique up to here. */
    public static final long MAX_ROWS = 100_000_000L;

    /** The file's columns in order, each with its name in the header; a row holds a column's cell at its ordinal. */
    private enum Column {
        REFERENCE_ID("referenceId"), NAME("name"), ACCOUNT_TYPE_ID("accountTypeId"), BVN("bvn"), EMAIL("email"),
        PHONE("phone"), ID_TYPE("id_type"), ID_NUMBER("id_number"), THIRD_PARTY_IDENTIFIER("third_party_identifier"),
        OCCUPATION("occupation"), DATE_OF_BIRTH("date_of_birth"), STATE("state"), CONNECTS("connects");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        String header() {
            return header;
        }

        void set(String[] cells, String value) {
            cells[ordinal()] = value;
        }
    }

    private static final String[] FIRST_NAMES = {"Adébáyọ̀", "Ọlá", "Chiọma", "Ngozi", "Émeka", "Ifeoma", "Oluwaseun",
            "Bùkọ́lá", "Aisha", "Musa", "Chinedu", "Funmilayo", "Tèmítọ́pẹ́", "Yusuf", "Amaka", "Kelechi", "Zainab",
            "Ibrahim", "Ìbùkún", "Obinna"};
    private static final String[] SURNAMES = {"Okonkwo", "Adéyẹmí", "Ogunlésì", "Nwosu", "Balogun", "Eze", "Abubakar",
            "Ọbáṣọ̀", "Okafor", "Bello", "Adeleke", "Danjuma", "Ìdòwú", "Chukwu", "Lawal", "Umar"};
    private static final String[] COMPANY_WORDS = {"Harbour", "Palm", "Sunrise", "Lagoon", "Kola", "Savannah", "Niger",
            "Cowry"};
    private static final String[] OCCUPATIONS = {"Trader", "Engineer", "Teacher", "Nurse", "Farmer", "Banker",
            "Software Developer", "Tailor", "Driver", "Civil Servant"};
    private static final String[] STATES = {"Lagos", "Abuja FCT", "Kano", "Rivers", "Oyo", "Enugu", "Kaduna", "Anambra",
            "Ogun", "Delta", "Edo", "Imo"};
    private static final String[] ROLES = {"DIRECTOR", "UBO", "SHAREHOLDER", "AUTHORIZED_PERSON"};
    // Four-digit operator prefixes: "080" followed by 0 would be a toll-free number, not a mobile one.
    private static final String[] PHONE_PREFIXES = {"0803", "0806", "0813", "0816", "0703", "0708", "0905", "0906",
            "0913", "0916"};
    private static final long SUBSCRIBERS_PER_PREFIX = 10_000_000L;

    private static final int COMPANY_PERCENT = 15;
    private static final int INTERNATIONAL_PHONE_PERCENT = 20;
    private static final int NIN_PERCENT = 60;
    private static final int PASSPORT_PERCENT = 20;
    private static final int CONNECTS_PERCENT = 10;
    /** Connects pick among this many most recent companies, which keeps memory flat however long the file. */
    private static final int RECENT_COMPANIES = 32;
    private static final long FIRST_BIRTH_DAY = LocalDate.of(1950, 1, 1).toEpochDay();
    private static final long BIRTH_DAYS = LocalDate.of(2005, 12, 31).toEpochDay() - FIRST_BIRTH_DAY + 1;

    /**
     * Writes {@code rows} data rows after the header to {@code file} (replacing it): UTF-8 without a
     * byte order mark, LF line endings, a field quoted only when it holds a comma, quote or newline.
     * Missing parent folders are created.
     */
    public void write(Path file, long rows, long seed) throws IOException {
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be between 0 and " + MAX_ROWS + ", was " + rows);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(writer, ',', '"', '"', "\n")) {
            csv.writeNext(HEADER, false);
            RowSource source = new RowSource(new SplittableRandom(seed));
            for (long line = 1; line <= rows; line++) {
                csv.writeNext(source.row(line), false);
            }
            // CSVWriter swallows write failures; surface them rather than leave a truncated file behind.
            if (csv.checkError()) {
                throw new IOException("could not write " + file, csv.getException());
            }
        }
    }

    /** The rows of one file, in order; holds the only state that spans rows. */
    private static final class RowSource {

        private final SplittableRandom rnd;
        private final long[] recentCompanies = new long[RECENT_COMPANIES];
        private long companiesSeen;

        RowSource(SplittableRandom rnd) {
            this.rnd = rnd;
        }

        /** Row {@code i} (1-based). The random draws happen in a fixed order, so a seed fixes the file. */
        String[] row(long i) {
            String[] cells = new String[HEADER.length];
            Arrays.fill(cells, "");
            boolean company = percent(COMPANY_PERCENT);
            Column.BVN.set(cells, format("22%09d", i));
            Column.PHONE.set(cells, phone(i));
            Column.STATE.set(cells, pick(STATES));
            if (percent(50)) {
                Column.THIRD_PARTY_IDENTIFIER.set(cells, new UUID(rnd.nextLong(), rnd.nextLong()).toString());
            }
            if (company) {
                fillCompany(cells, i);
            } else {
                fillPerson(cells, i);
            }
            return cells;
        }

        private void fillPerson(String[] cells, long i) {
            String first = pick(FIRST_NAMES);
            String last = pick(SURNAMES);
            Column.REFERENCE_ID.set(cells, format("CUS-%07d", i));
            Column.NAME.set(cells, first + " " + last);
            Column.ACCOUNT_TYPE_ID.set(cells, "1");
            Column.EMAIL.set(cells, ascii(first) + "." + ascii(last) + "." + i + "@example.com");
            fillIdDocument(cells, i);
            Column.OCCUPATION.set(cells, pick(OCCUPATIONS));
            Column.DATE_OF_BIRTH.set(cells, LocalDate.ofEpochDay(FIRST_BIRTH_DAY + rnd.nextLong(BIRTH_DAYS)).toString());
            Column.CONNECTS.set(cells, connects());
        }

        private void fillCompany(String[] cells, long i) {
            Column.REFERENCE_ID.set(cells, companyReference(i));
            Column.NAME.set(cells, companyName());
            Column.ACCOUNT_TYPE_ID.set(cells, "2");
            Column.EMAIL.set(cells, "info." + i + "@example.com");
            recentCompanies[(int) (companiesSeen % RECENT_COMPANIES)] = i;
            companiesSeen++;
        }

        private void fillIdDocument(String[] cells, long i) {
            int draw = rnd.nextInt(100);
            if (draw < NIN_PERCENT) {
                Column.ID_TYPE.set(cells, "nin");
                Column.ID_NUMBER.set(cells, format("7%010d", i));
            } else if (draw < NIN_PERCENT + PASSPORT_PERCENT) {
                Column.ID_TYPE.set(cells, "international_passport");
                Column.ID_NUMBER.set(cells, format("A%08d", i));
            }
        }

        private String companyName() {
            int surname = rnd.nextInt(SURNAMES.length);
            switch (rnd.nextInt(4)) {
                case 0:
                    return SURNAMES[surname] + " Holdings Ltd";
                case 1:
                    return SURNAMES[surname] + " & Sons Nigeria Plc";
                case 2:
                    return "Lagos " + pick(COMPANY_WORDS) + " Ventures";
                default:
                    int partner = (surname + 1 + rnd.nextInt(SURNAMES.length - 1)) % SURNAMES.length;
                    return SURNAMES[surname] + ", " + SURNAMES[partner] + " & Partners";
            }
        }

        /**
         * Ten prefixes of ten million subscriber numbers; the prefix rotates with the row so that a
         * small file still shows every operator, and shifts per block of ten million to stay unique.
         */
        private String phone(long i) {
            long subscriber = i % SUBSCRIBERS_PER_PREFIX;
            long block = i / SUBSCRIBERS_PER_PREFIX;
            String prefix = PHONE_PREFIXES[(int) ((subscriber + block) % PHONE_PREFIXES.length)];
            String local = prefix + format("%07d", subscriber);
            return percent(INTERNATIONAL_PHONE_PERCENT) ? "+234" + local.substring(1) : local;
        }

        /** One or two links to companies already written, or empty. */
        private String connects() {
            if (companiesSeen == 0 || !percent(CONNECTS_PERCENT)) {
                return "";
            }
            int known = (int) Math.min(companiesSeen, RECENT_COMPANIES);
            int first = rnd.nextInt(known);
            StringJoiner links = new StringJoiner("|");
            links.add(companyReference(recentCompanies[first]) + ":" + pick(ROLES));
            if (known > 1 && rnd.nextBoolean()) {
                int second = (first + 1 + rnd.nextInt(known - 1)) % known;
                links.add(companyReference(recentCompanies[second]) + ":" + pick(ROLES));
            }
            return links.toString();
        }

        private boolean percent(int percent) {
            return rnd.nextInt(100) < percent;
        }

        private String pick(String[] values) {
            return values[rnd.nextInt(values.length)];
        }
    }

    private static String companyReference(long i) {
        return format("COMP-%07d", i);
    }

    /** Locale.ROOT so that a JVM in a locale with other digits still writes ASCII ones. */
    private static String format(String pattern, long value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    /** The name without its diacritics, lower-cased, for an e-mail local part. */
    private static String ascii(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
