package org.onboarding.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import com.opencsv.CSVWriter;

/**
 * Writes a realistic customer file for the demo feed, of any size, row by row (memory stays flat)
 * and deterministically (the same seed and size give the same bytes): Nigerian names with their
 * diacritics, persons and companies, local and international phone numbers, identity documents,
 * the demo feed's three custom fields, and connects from persons to companies earlier in the file.
 * Every row is valid, so an import of it measures the full path of a good row.
 */
public class SampleFileGenerator {

    static final String[] HEADER = {"referenceId", "name", "accountTypeId", "bvn", "email", "phone", "id_type",
            "id_number", "third_party_identifier", "occupation", "date_of_birth", "state", "connects"};

    private static final String[] FIRST_NAMES = {"Adébáyọ̀", "Ọlá", "Chiọma", "Ngozi", "Émeka", "Ifeoma", "Oluwaseun",
            "Bùkọ́lá", "Aisha", "Tunde", "Chinedu", "Fatima", "Yetunde", "Ikechukwu", "Zainab", "Kelechi"};
    private static final String[] SURNAMES = {"Okonkwo", "Adéyẹmí", "Ogunlésì", "Nwosu", "Balogun", "Eze", "Abubakar",
            "Ọbáṣọ̀", "Okafor", "Bello", "Adeyemi", "Ibrahim", "Chukwu", "Olawale"};
    private static final String[] COMPANY_FORMS = {"%s Holdings Ltd", "%s & Sons Nigeria Plc", "Lagos %s Ventures",
            "%s, Eze & Partners", "%s Agro Allied Ltd"};
    private static final String[] OCCUPATIONS = {"Trader", "Engineer", "Teacher", "Nurse", "Farmer", "Banker",
            "Software Developer", "Tailor", "Driver", "Civil Servant"};
    private static final String[] STATES = {"Lagos", "Abuja FCT", "Kano", "Rivers", "Oyo", "Enugu", "Kaduna",
            "Anambra", "Ogun", "Delta", "Edo", "Imo"};
    private static final String[] MOBILE_PREFIXES = {"0803", "0806", "0813", "0903", "0706"};
    private static final String[] PERSON_ROLES = {"DIRECTOR", "UBO", "SHAREHOLDER", "AUTHORIZED_PERSON"};
    private static final LocalDate OLDEST = LocalDate.of(1950, 1, 1);
    private static final int BIRTH_DAYS = (int) (LocalDate.of(2005, 12, 31).toEpochDay() - OLDEST.toEpochDay());

    public void write(Path file, long rows, long seed) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long lastCompany = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n")) {
            csv.writeNext(HEADER, false);
            for (long i = 1; i <= rows; i++) {
                boolean company = random.nextInt(100) < 15;
                csv.writeNext(company ? company(i, random) : person(i, random, lastCompany), false);
                if (company) {
                    lastCompany = i;
                }
            }
        }
    }

    private static String[] person(long i, SplittableRandom random, long lastCompany) {
        String first = pick(FIRST_NAMES, random);
        String last = pick(SURNAMES, random);
        int document = random.nextInt(100);
        String idType = document < 60 ? "nin" : document < 80 ? "international_passport" : "";
        String idNumber = document < 60 ? String.format("7%010d", i) : document < 80 ? String.format("A%08d", i) : "";
        String connects = lastCompany > 0 && random.nextInt(100) < 10 ? connects(random, lastCompany) : "";
        return new String[] {String.format("CUS-%07d", i), first + " " + last, "1", bvn(i),
                ascii(first) + "." + ascii(last) + "." + i + "@example.com", phone(i, random), idType, idNumber,
                thirdPartyIdentifier(random), pick(OCCUPATIONS, random),
                OLDEST.plusDays(random.nextInt(BIRTH_DAYS + 1)).toString(), pick(STATES, random), connects};
    }

    private static String[] company(long i, SplittableRandom random) {
        String name = String.format(pick(COMPANY_FORMS, random), pick(SURNAMES, random));
        return new String[] {String.format("COMP-%07d", i), name, "2", bvn(i), "info." + i + "@example.com",
                phone(i, random), "", "", thirdPartyIdentifier(random), "", "", pick(STATES, random), ""};
    }

    /** One or two links to companies that appear earlier in the file. */
    private static String connects(SplittableRandom random, long lastCompany) {
        String first = String.format("COMP-%07d:%s", lastCompany, pick(PERSON_ROLES, random));
        return random.nextBoolean() ? first : first + "|" + String.format("COMP-%07d:%s", lastCompany, "SHAREHOLDER");
    }

    private static String bvn(long i) {
        return String.format("22%09d", i);
    }

    private static String phone(long i, SplittableRandom random) {
        String local = MOBILE_PREFIXES[(int) (i % MOBILE_PREFIXES.length)] + String.format("%07d", i % 10_000_000);
        return random.nextInt(100) < 20 ? "+234" + local.substring(1) : local;
    }

    private static String thirdPartyIdentifier(SplittableRandom random) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        return random.nextBoolean() ? id.toString() : "";
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
