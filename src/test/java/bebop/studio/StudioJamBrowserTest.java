package bebop.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Jam view in Debian's headless chromium: start a jam at a fast tempo, play a call on the
 * computer keyboard (the page's key map), and see the server's engine hear it (the player's notes
 * come back on their steps and are drawn) and answer (bebop's notes arrive as note events and are
 * drawn on the piano roll in the response bars).
 */
class StudioJamBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aCallPlayedOnTheComputerKeyboardIsAnsweredOnThePianoRoll() throws Exception {
        try (StudioServer server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), 1 << 20))) {
            ChromeDriver page = StudioBrowserTest.browser();
            try {
                WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60));
                page.get(server.url());
                page.findElement(By.id("jam-tab")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#jam-model option")).isEmpty());
                set(page, "jam-tempo", "240");
                set(page, "jam-call-bars", "1");
                set(page, "jam-response-bars", "1");
                page.findElement(By.id("jam-start")).click();
                WebElement roll = page.findElement(By.id("jam-roll"));
                // after the count-in, a call bar: its steps are reported as they start
                wait.until(d -> step(roll) >= 0 && page.findElement(By.id("jam-role")).getText().equals("your call"));
                assertEquals("0", roll.getAttribute("data-bebop-notes"), "bebop plays no melody in the count-in or the call");

                // the call: C4 E4 G4 C5 on A D G K
                WebElement keys = page.findElement(By.id("jam-keys"));
                for (String key : List.of("a", "d", "g", "k")) {
                    keys.sendKeys(key);
                    Thread.sleep(150); // spread over the bar (a step is 125 ms), as a player would
                }
                wait.until(d -> Integer.parseInt(roll.getAttribute("data-player-notes")) >= 4);
                List<Integer> heard = page.findElements(By.cssSelector("#jam-roll .jam-player")).stream()
                        .map(e -> Integer.parseInt(e.getAttribute("data-pitch"))).toList();
                assertTrue(heard.containsAll(List.of(60, 64, 67, 72)), "the engine heard the keys as C4 E4 G4 C5: " + heard);

                // the response: bebop's notes arrive as note events and are drawn
                wait.until(d -> Integer.parseInt(roll.getAttribute("data-bebop-notes")) > 0
                        && !d.findElements(By.cssSelector("#jam-roll .jam-bebop")).isEmpty());
                List<WebElement> bebop = page.findElements(By.cssSelector("#jam-roll .jam-bebop"));
                for (WebElement note : bebop) {
                    int pitch = Integer.parseInt(note.getAttribute("data-pitch"));
                    assertTrue(pitch >= 60 && pitch <= 72, "bebop plays in the model's range C4-C5: " + pitch);
                    long start = Long.parseLong(note.getAttribute("data-start"));
                    assertEquals(1, Math.floorMod(Math.floorDiv(start, 8), 2), "bebop's note at step " + start + " lies in a response bar");
                }
                assertTrue(page.findElements(By.cssSelector("#jam-roll .jam-chords")).size() >= 3, "the chords are drawn too");
                assertTrue(page.findElements(By.cssSelector("#jam-roll .jam-bar-response")).size() >= 1);

                wait.until(d -> step(roll) >= 20); // into the next call, for the picture
                Files.write(Path.of("target", "studio-jam.png"), page.getScreenshotAs(OutputType.BYTES));

                page.findElement(By.id("jam-stop")).click();
                wait.until(d -> d.findElement(By.id("jam-start")).isEnabled());
                assertEquals("stopped", page.findElement(By.id("jam-status")).getText());
            } finally {
                page.quit();
            }
        }
    }

    private static long step(WebElement roll) {
        String s = roll.getAttribute("data-step");
        return s == null || s.isEmpty() ? Long.MIN_VALUE : Long.parseLong(s);
    }

    private static void set(ChromeDriver page, String id, String value) {
        WebElement e = page.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }
}
