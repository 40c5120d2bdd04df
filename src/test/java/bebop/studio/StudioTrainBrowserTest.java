package bebop.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's train view in Debian's headless chromium: upload three MIDI files (bebop's own MIDI
 * writer wrote them; one is cut short), read the import report (two imported, one rejected with the
 * reader's reason), train the modern LSTM on the two for a few epochs and watch the curve grow as
 * the server streams it; the model then appears in the compose view's list.
 */
class StudioTrainBrowserTest {
    static final int EPOCHS = 12;

    @TempDir
    Path dir;

    @Test
    void importsMidiFilesShowsTheReportTrainsAndDrawsTheGrowingCurve() throws Exception {
        Path files = Files.createDirectories(dir.resolve("midi"));
        Files.write(files.resolve("blues-1.mid"), StudioTrainingTest.midi(1));
        Files.write(files.resolve("blues-2.mid"), StudioTrainingTest.midi(2));
        Files.write(files.resolve("broken.mid"), StudioTrainingTest.truncated());
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), 1 << 20))) {
            ChromeDriver page = StudioBrowserTest.browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(120));
                page.get(server.url());
                page.findElement(By.id("train-tab")).click();
                page.findElement(By.id("import-files")).sendKeys(String.join("\n",
                        files.resolve("blues-1.mid").toString(), files.resolve("blues-2.mid").toString(),
                        files.resolve("broken.mid").toString()));
                page.findElement(By.id("import")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#import-report tbody tr")).isEmpty());

                List<WebElement> rows = page.findElements(By.cssSelector("#import-report tbody tr"));
                assertEquals(3, rows.size());
                assertEquals(2, page.findElements(By.cssSelector("#import-report tr.imported")).size());
                List<WebElement> rejected = page.findElements(By.cssSelector("#import-report tr.rejected td"));
                assertEquals("broken.mid", rejected.get(0).getText());
                assertEquals("rejected", rejected.get(1).getText());
                assertTrue(rejected.get(2).getText().length() > 5, "the reason: " + rejected.get(2).getText());
                assertTrue(page.findElement(By.id("import-status")).getText().startsWith("imported 2 of 3 files"),
                        page.findElement(By.id("import-status")).getText());
                String corpus = new Select(page.findElement(By.id("train-data"))).getFirstSelectedOption().getAttribute("value");
                assertTrue(corpus.startsWith("corpus:c"), corpus);

                new Select(page.findElement(By.id("trainer"))).selectByValue("modern");
                StudioBrowserTest.set(page, "max-epochs", Integer.toString(EPOCHS));
                StudioBrowserTest.set(page, "model-name", "my-blues");
                page.findElement(By.id("train")).click();

                // the curve grows while the server streams the epochs; the state is read before the
                // points, so that the points read after "finished" are the last ones (an event may
                // arrive between the two reads)
                List<Integer> seen = new ArrayList<>();
                wait.until(d -> {
                    boolean finished = "finished".equals(d.findElement(By.id("train-status")).getAttribute("data-state"));
                    int n = Integer.parseInt(d.findElement(By.id("curve")).getAttribute("data-points"));
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != n) {
                        seen.add(n);
                    }
                    return finished;
                });
                assertEquals(EPOCHS, seen.get(seen.size() - 1), "one point an epoch: " + seen);
                assertTrue(seen.stream().filter(n -> n > 0 && n < EPOCHS).count() >= 1,
                        "the curve was seen part drawn, growing: " + seen);
                assertEquals(EPOCHS, Integer.parseInt(page.findElement(By.cssSelector("#curve .series-train"))
                        .getAttribute("data-count")));
                assertEquals(EPOCHS, Integer.parseInt(page.findElement(By.cssSelector("#curve .series-valid"))
                        .getAttribute("data-count")));
                assertTrue(page.findElement(By.id("train-status")).getText().contains("model 'my-blues'"));
                Files.write(Path.of("target", "studio-train.png"), page.getScreenshotAs(OutputType.BYTES));

                // the model is offered for composing
                wait.until(d -> d.findElements(By.cssSelector("#model option[value='my-blues']")).size() == 1);
            } finally {
                page.quit();
            }
        }
    }
}
