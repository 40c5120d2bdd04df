package bebop.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.io.midi.MidiReader;
import bebop.music.Part;
import bebop.music.Score;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio page in Debian's headless chromium, driven through its chromedriver (nothing
 * downloaded): compose over typed chords, see the bars and symbols, the score engraved from the
 * MusicXML, hear the clock run, download the MIDI and find the notes {@code bebop compose} writes; then
 * again from a MIDI file as the primer.
 */
class StudioBrowserTest {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    static ChromeDriver browser() {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("CI runs the browser test: install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--autoplay-policy=no-user-gesture-required", "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void aModelFileThatCannotBeReadIsNamedBesideTheModelList() throws Exception {
        Path models = java.nio.file.Files.createDirectories(dir.resolve("models"));
        byte[] bundled = bebop.app.Models.bundledBytes();
        java.nio.file.Files.write(models.resolve("mine.bebop"), bundled);
        java.nio.file.Files.write(models.resolve("cut.bebop"), java.util.Arrays.copyOf(bundled, bundled.length / 2));
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, models, dir.resolve("work"), 1 << 20))) {
            ChromeDriver page = browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60));
                page.get(server.url());
                wait.until(d -> !new Select(d.findElement(By.id("model"))).getOptions().isEmpty());
                List<String> offered = new Select(page.findElement(By.id("model"))).getOptions().stream()
                        .map(o -> o.getAttribute("value")).toList();
                assertEquals(List.of("bundled", "mine"), offered);
                String note = page.findElement(By.id("model-note")).getText();
                assertTrue(note.startsWith("Not offered: cut (") && note.contains("truncated"), note);
            } finally {
                page.quit();
            }
        }
    }

    @Test
    void composesOverTypedChordsPlaysAndDownloadsTheSameNotes() throws Exception {
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), 1 << 20))) {
            ChromeDriver page = browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60));
                page.get(server.url());
                wait.until(d -> !new Select(d.findElement(By.id("model"))).getOptions().isEmpty());
                new Select(page.findElement(By.id("progression-choice"))).selectByVisibleText("type your own…");
                WebElement chords = page.findElement(By.id("chords"));
                chords.clear();
                chords.sendKeys(StudioServerTest.BIRD);
                set(page, "choruses", "2");
                set(page, "seed", "7");
                page.findElement(By.id("compose")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#roll .note")).isEmpty());

                assertEquals(25, page.findElements(By.cssSelector("#roll line.bar")).size(), "24 bars: 25 bar lines");
                List<String> symbols = page.findElements(By.cssSelector("#roll .chord-symbol")).stream()
                        .map(WebElement::getText).toList();
                assertEquals("Fmaj7", symbols.get(0));
                assertTrue(symbols.containsAll(List.of("Em7b5", "A7", "Abm7", "Db7", "Gm7", "C7")), symbols.toString());

                // The notation: the MusicXML engraved by OpenSheetMusicDisplay, which draws each measure of each
                // staff as an SVG group of class vf-measure whose id is the measure's number.
                wait.until(d -> !"loading".equals(d.findElement(By.id("score")).getAttribute("data-state")));
                assertEquals("drawn", page.findElement(By.id("score")).getAttribute("data-state"),
                        page.findElement(By.id("score-status")).getText());
                List<String> measures = page.findElements(By.cssSelector("#score svg g.vf-measure")).stream()
                        .map(e -> e.getAttribute("id")).toList();
                assertEquals(java.util.stream.IntStream.rangeClosed(1, 24).mapToObj(String::valueOf).toList(),
                        measures.stream().distinct().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList(),
                        "measures 1 to 24 engraved");
                assertEquals(24, measures.size(), "a lead sheet: one staff, the chord symbols over it");
                List<String> engraved = page.findElements(By.cssSelector("#score svg text")).stream()
                        .map(WebElement::getText).toList();
                assertTrue(engraved.containsAll(symbols), "the roll's chord symbols over the staff: " + engraved);
                assertEquals("24", page.findElement(By.id("score")).getAttribute("data-measures"));

                page.findElement(By.id("play")).click();
                wait.until(d -> Double.parseDouble(d.findElement(By.id("clock")).getText()) > 0.5);
                double first = Double.parseDouble(page.findElement(By.id("clock")).getText());
                wait.until(d -> Double.parseDouble(d.findElement(By.id("clock")).getText()) > first + 0.3);
                Files.write(Path.of("target", "studio.png"), page.getScreenshotAs(OutputType.BYTES));
                page.findElement(By.id("stop")).click();
                page.executeScript("document.getElementById('score-panel').scrollIntoView()");
                Files.write(Path.of("target", "studio-score.png"), page.getScreenshotAs(OutputType.BYTES));

                Score heard = downloadedMidi(page);
                Score composed = ComposeService.compose(
                        new ComposeRequest(null, 2, 7, 1.0, null, null, StudioServerTest.BIRD, 120)).score();
                for (Part p : composed.parts()) {
                    assertEquals(StudioServerTest.notes(p), StudioServerTest.notes(heard.part(p.name()).orElseThrow()), p.name());
                }

                // Again from a MIDI file as the primer (sent to the server, named by its id): bebop compose --primer.
                Path primer = Files.write(dir.resolve("primer.mid"), StudioTrainingTest.midi(3));
                new Select(page.findElement(By.id("primer-choice"))).selectByVisibleText("a MIDI file…");
                page.findElement(By.id("primer-file")).sendKeys(primer.toString());
                set(page, "choruses", "4");
                set(page, "seed", "5");
                String before = page.findElement(By.id("description")).getText();
                page.findElement(By.id("compose")).click();
                wait.until(d -> !d.findElement(By.id("description")).getText().equals(before));
                assertTrue(page.findElement(By.id("description")).getText().contains("primed with primer "),
                        page.findElement(By.id("description")).getText());
                assertEquals(49, page.findElements(By.cssSelector("#roll line.bar")).size(), "48 bars: 49 bar lines");
                Score primed = ComposeService.compose(
                        new ComposeRequest(null, 4, 5, 1.0, primer, null, StudioServerTest.BIRD, 120)).score();
                Score heardPrimed = downloadedMidi(page);
                for (Part p : primed.parts()) {
                    assertEquals(StudioServerTest.notes(p), StudioServerTest.notes(heardPrimed.part(p.name()).orElseThrow()),
                            p.name());
                }
            } finally {
                page.quit();
            }
        }
    }

    @Test
    void evaluatesAModelAndComparesItWithTheBaselinesAsATableAndAChart() throws Exception {
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), 1 << 20))) {
            ChromeDriver page = browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(120));
                page.get(server.url());
                page.findElement(By.id("evaluate-tab")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#recorded-metrics tr[data-metric=chord_accuracy]")).isEmpty());
                assertTrue(page.findElement(By.id("provenance")).getText().contains("bebop train"),
                        page.findElement(By.id("provenance")).getText());
                assertEquals(bebop.app.ModelSummary.of((java.nio.file.Path) null).network(),
                        page.findElement(By.cssSelector("#model-about dd[data-field=network]")).getText());
                assertTrue(page.findElement(By.cssSelector("#model-about dd[data-field=learning]")).getText()
                        .startsWith("BPTT + Adam"), page.findElement(By.id("model-about")).getText());
                set(page, "eval-choruses", "2");
                set(page, "elman-epochs", "1");
                page.findElement(By.id("evaluate")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#eval-metrics tr[data-metric=choruses]")).isEmpty());
                assertEquals("2", page.findElement(By.cssSelector("#eval-metrics tr[data-metric=choruses] td.number")).getText());

                set(page, "eval-runs", "3");
                page.findElement(By.id("evaluate")).click();
                wait.until(d -> d.findElements(By.cssSelector("#eval-metrics tr[data-metric=novel_bars] td.number")).size() == 3);
                var chords = page.findElements(By.cssSelector("#eval-metrics tr[data-metric=chord_accuracy] td.number"));
                assertEquals(List.of("1", "1", "1"), chords.stream().map(WebElement::getText).toList(), "mean, min and max");
                assertTrue(page.findElement(By.id("eval-status")).getText().contains("3 free runs of 2 choruses, seeds 1 to 3"),
                        page.findElement(By.id("eval-status")).getText());

                page.findElement(By.id("compare")).click();
                wait.until(d -> d.findElement(By.id("compare-table")).isDisplayed()
                        && !d.findElements(By.cssSelector("#compare-table tbody tr")).isEmpty());
                int models = page.findElements(By.cssSelector("#compare-table tbody tr")).size();
                assertTrue(models >= 3, "the LSTM and the baselines: " + models);
                assertEquals(3 * models, page.findElements(By.cssSelector("#compare-chart rect.bar")).size());
                assertTrue(page.findElement(By.id("verdict")).getText().length() > 10);
                Files.write(Path.of("target", "studio-evaluate.png"), page.getScreenshotAs(OutputType.BYTES));
            } finally {
                page.quit();
            }
        }
    }

    /** The piece's MIDI download, fetched by the page and read with bebop's reader. */
    static Score downloadedMidi(ChromeDriver page) {
        String href = page.findElement(By.cssSelector("#downloads a[data-format=mid]")).getAttribute("href");
        String base64 = (String) page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                + "  let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); done(btoa(s)); });",
                href);
        return MidiReader.parse(Base64.getDecoder().decode(base64), "studio.mid").score();
    }

    @Test
    void aPianoRollModelsPieceIsEngravedAsAPianoScore() throws Exception {
        // a small piano-roll model, trained here as train --data FILE.json trains it
        Path json = dir.resolve("roll.json");
        Files.writeString(json, "{\"train\":[[[60,64,67],[62,65,69],[64,67,71],[48,60,64,67],[50,62,65,69]]],"
                + "\"valid\":[[[60,64,67],[62,65,69]]],\"test\":[]}");
        Path models = Files.createDirectories(dir.resolve("models"));
        var trained = bebop.app.ModernTraining.onData(json.toString(), null, bebop.train.modern.ModernSettings.defaults(1)
                .withLayers(List.of(8)).withMaxEpochs(2), null, null, List.of(), new bebop.app.ModernTraining.Listener() {}, 1);
        bebop.io.model.ModelFile.write(models.resolve("roll.bebop"), trained.model());
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, models, dir.resolve("work"), 1 << 20))) {
            ChromeDriver page = browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60));
                page.get(server.url());
                wait.until(d -> !d.findElements(By.cssSelector("#model option[value=roll]")).isEmpty());
                new Select(page.findElement(By.id("model"))).selectByValue("roll");
                // no chords apart to follow, no chords and melody to mute
                assertFalse(page.findElement(By.id("chords")).isEnabled());
                assertFalse(page.findElement(By.id("progression-choice")).isEnabled());
                assertFalse(page.findElement(By.id("mute-melody")).isDisplayed());
                set(page, "choruses", "1");
                page.findElement(By.id("compose")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#roll .note")).isEmpty());
                wait.until(d -> !"loading".equals(d.findElement(By.id("score")).getAttribute("data-state")));
                assertEquals("drawn", page.findElement(By.id("score")).getAttribute("data-state"),
                        page.findElement(By.id("score-status")).getText());
                assertEquals("12", page.findElement(By.id("score")).getAttribute("data-measures"), "one chorus of 12 bars");

                // scored on a bundled data set of the same frames, as eval --data nottingham scores it
                page.findElement(By.id("evaluate-tab")).click();
                new Select(page.findElement(By.id("eval-model"))).selectByValue("roll");
                wait.until(d -> d.findElement(By.id("eval-data")).isEnabled());
                new Select(page.findElement(By.id("eval-data"))).selectByValue("nottingham");
                page.findElement(By.id("evaluate")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#eval-metrics tr[data-metric=test_nll]")).isEmpty());
                double nll = bebop.app.EvaluateService.onData(models.resolve("roll.bebop"), "nottingham", "test", 1).nll();
                assertEquals(String.format(java.util.Locale.ROOT, "%.4f", nll),
                        page.findElement(By.cssSelector("#eval-metrics tr[data-metric=test_nll] td.number")).getText());
                assertTrue(page.findElement(By.id("eval-status")).getText().contains("test pieces of nottingham"),
                        page.findElement(By.id("eval-status")).getText());
            } finally {
                page.quit();
            }
        }
    }

    @Test
    void importsTrainsAndScoresAModelOnTheCorpusItLearned() throws Exception {
        Path midi = Files.createDirectories(dir.resolve("midi"));
        List<String> files = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Path f = midi.resolve("piece" + i + ".mid");
            Files.write(f, StudioTrainingTest.midi(i));
            files.add(f.toString());
        }
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), 1 << 22))) {
            ChromeDriver page = browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(180));
                page.get(server.url());
                page.findElement(By.id("train-tab")).click();
                page.findElement(By.id("import-files")).sendKeys(String.join("\n", files));
                page.findElement(By.id("import")).click();
                wait.until(d -> d.findElement(By.id("train-data")).getAttribute("value").startsWith("corpus:"));
                String corpus = page.findElement(By.id("train-data")).getAttribute("value").substring("corpus:".length());
                set(page, "hidden", "8");
                set(page, "max-epochs", "2");
                set(page, "model-name", "mine");
                page.findElement(By.id("train")).click();
                wait.until(d -> "finished".equals(d.findElement(By.id("train-status")).getAttribute("data-state")));

                page.findElement(By.id("evaluate-tab")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#eval-model option[value=mine]")).isEmpty());
                new Select(page.findElement(By.id("eval-model"))).selectByValue("bundled");
                wait.until(d -> !d.findElement(By.id("eval-data")).isEnabled()); // the blues: measured by free runs
                new Select(page.findElement(By.id("eval-model"))).selectByValue("mine");
                wait.until(d -> d.findElement(By.id("eval-data")).isEnabled());
                new Select(page.findElement(By.id("eval-data"))).selectByValue(corpus);
                page.findElement(By.id("evaluate")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#eval-metrics tr[data-metric=test_nll]")).isEmpty());
                // the corpus it learned: the test pieces read as the model file recorded them at training
                double recorded = bebop.io.model.ModelFile.read(dir.resolve("work/models/mine.bebop"), "lstm-modern")
                        .metrics().get("test_nll").asDouble();
                assertEquals(String.format(java.util.Locale.ROOT, "%.4f", recorded),
                        page.findElement(By.cssSelector("#eval-metrics tr[data-metric=test_nll] td.number")).getText());
                assertTrue(page.findElement(By.id("eval-status")).getText().contains("test pieces of corpus " + corpus),
                        page.findElement(By.id("eval-status")).getText());
            } finally {
                page.quit();
            }
        }
    }

    static void set(ChromeDriver page, String id, String value) {
        WebElement e = page.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }
}
