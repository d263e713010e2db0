package org.onboarding.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.opencsv.CSVReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.file.CustomerCsv;

class SampleFileGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedAndSizeGiveTheSameBytes() throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        new SampleFileGenerator().write(first, 500, 7);
        new SampleFileGenerator().write(second, 500, 7);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    }

    @Test
    void writesTheRequestedRowsWithUniqueKeysAndConnectsToEarlierCompanies() throws Exception {
        Path file = dir.resolve("sample.csv");
        new SampleFileGenerator().write(file, 2_000, 42);

        List<String[]> rows = read(file);
        assertThat(rows.get(0)).containsExactly(SampleFileGenerator.HEADER);
        List<String[]> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(2_000);
        Set<String> referenceIds = new HashSet<>();
        Set<String> bvns = new HashSet<>();
        Set<String> companiesSoFar = new HashSet<>();
        int withConnects = 0;
        int companies = 0;
        for (String[] row : data) {
            assertThat(referenceIds.add(row[0])).as("unique referenceId %s", row[0]).isTrue();
            assertThat(row[3]).matches("[0-9]{11}");
            assertThat(bvns.add(row[3])).isTrue();
            if (row[2].equals("2")) {
                companies++;
                companiesSoFar.add(row[0]);
            }
            if (!row[12].isEmpty()) {
                withConnects++;
                for (String link : row[12].split("\\|")) {
                    assertThat(companiesSoFar).contains(link.split(":")[0]);
                }
            }
        }
        assertThat(companies).isBetween(200, 400);
        assertThat(withConnects).isGreaterThan(50);
        assertThat(data).anySatisfy(row -> assertThat(row[1]).contains(","));
        assertThat(data).anySatisfy(row -> assertThat(row[1]).containsPattern("[^\\x00-\\x7F]"));
    }

    private static List<String[]> read(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = CustomerCsv.open(file, StandardCharsets.UTF_8); CSVReader csv = CustomerCsv.reader(reader)) {
            String[] row;
            while ((row = csv.readNext()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
