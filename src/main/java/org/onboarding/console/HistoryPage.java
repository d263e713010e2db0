package org.onboarding.console;

import java.util.List;

import org.onboarding.operations.ImportTrends;
import org.onboarding.pii.PiiText;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's history: rows imported and rejected per day, and the latest imports' throughput. */
@Controller
@Profile("serve")
class HistoryPage {

    static final int DAYS = 14;
    static final int IMPORTS = 20;

    private final ImportTrends trends;

    HistoryPage(ImportTrends trends) {
        this.trends = trends;
    }

    @GetMapping("/history")
    String history(Model model) {
        List<ImportTrends.Day> days = trends.daily(DAYS);
        model.addAttribute("days", days);
        model.addAttribute("importedChart", BarChart.of(days.stream()
                .map(day -> new BarChart.Value(day.day().toString(), day.imported())).toList()));
        model.addAttribute("rejectedChart", BarChart.of(days.stream()
                .map(day -> new BarChart.Value(day.day().toString(), day.rejected())).toList()));
        List<ImportTrends.Throughput> throughput = trends.throughput(IMPORTS);
        model.addAttribute("throughput", throughput);
        model.addAttribute("throughputChart", BarChart.of(throughput.stream()
                .map(run -> new BarChart.Value("#" + run.id() + (run.file() == null ? "" : " " + PiiText.escape(run.file())),
                        run.rowsPerSecond())).toList()));
        return "history";
    }
}
