package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.answer.direct.DirectAnswer;
import org.isnad.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The bot's replies as a reader sees them: each rendered by real Chromium in a page that mimics a
 * Telegram message bubble (dir=auto, Telegram's HTML subset), with a screenshot kept in target/.
 * A Latin run holding digits inside an Arabic line must keep its order ("France 24", not "24 France"),
 * and an Arabic title holding its own quotation marks must not scramble an English line.
 */
@Tag("browser")
class BubbleRenderingTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    private WebDriver browser;
    private final ReplyRenderer renderer = new ReplyRenderer(BotTexts.load(), new MessageSplitter());

    @BeforeEach
    void start() throws Exception {
        if ("1".equals(System.getenv("ISNAD_SKIP_BROWSER_TESTS"))) {
            Assumptions.abort("ISNAD_SKIP_BROWSER_TESTS=1");
        }
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("needs Debian's chromium and chromium-driver, or ISNAD_SKIP_BROWSER_TESTS=1").isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=520,900");
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anArabicAnswerKeepsFrance24InOrder() throws Exception {
        String quote = "ويوضح “فيليب تورل” من قناة “فرانس 24 ” أن دوافع روسيا هي إظهار قوة روسيا كقوة إقليمية.";
        Answer a = new Answer("لماذا تستضيف موسكو المحادثات؟", "ar", true, "بحسب تقرير France 24 في 20 فبراير 2024: [1]",
                List.of(new Citation(1, "d", "يدعو بوتين حماس لإجراء محادثات في موسكو", "France 24", "2024-02-20", quote, 0, quote.length(), null)),
                List.of(), "extractive", 3, List.of(), List.of(), new DirectAnswer("إظهار قوة روسيا كقوة إقليمية [1]", List.of()));
        show(renderer.answer(a, Language.AR).get(0), "bubble-ar.png");
        double[] france = box("France");
        double[] twentyFour = box("France 24", 7);
        assertThat(france).as("France 24 rendered").isNotNull();
        assertThat(france[0]).as("'France' stays left of '24' in the Arabic line").isLessThan(twentyFour[0]);
        double[] year = box("2024-02-20");
        double[] day = box("2024-02-20", 8);
        assertThat(year[1]).isEqualTo(day[1]);
        assertThat(year[0]).as("the ISO date reads 2024-02-20, not 20-02-2024").isLessThan(day[0]);
    }

    @Test
    void anEnglishAnswerQuotingAnArabicTitleWithItsOwnQuotationMarksKeepsItsOrder() throws Exception {
        String quote = "وقال اشتية: “وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في 26 الشهر الجاري في موسكو”.";
        Answer a = new Answer("Who did Russia invite to Moscow?", "en", true, "According to France 24 (20 February 2024): [1]",
                List.of(new Citation(1, "d", "«حماس» و«فتح» إلى موسكو", "France 24", "2024-02-20", quote, 0, quote.length(), "اشتية")),
                List.of(), "extractive", 3, List.of(), List.of(), new DirectAnswer("Hamas and Fatah [1]", List.of()));
        show(renderer.answer(a, Language.EN).get(0), "bubble-en.png");
        // the English citation line reads left to right: "[1]" before the title, "France 24" after it
        double[] marker = box("[1] ");
        double[] outlet = box("France 24", 0, 2);
        assertThat(marker).isNotNull();
        assertThat(outlet).isNotNull();
        assertThat(marker[0]).as("the citation marker opens the English line on the left").isLessThan(outlet[0]);
        double[] france = box("France", 0, 2);
        double[] twentyFour = box("France 24", 7, 2);
        assertThat(france[0]).isLessThan(twentyFour[0]);
    }

    /** Loads the Telegram HTML in a bubble and keeps a screenshot. */
    private void show(String telegramHtml, String screenshot) throws Exception {
        String page = "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
                + "body{background:#8fb3d9;font:15px 'DejaVu Sans',sans-serif;margin:16px}"
                + ".bubble{background:#fff;border-radius:12px;padding:8px 12px;max-width:460px;white-space:pre-wrap;unicode-bidi:plaintext}"
                + "blockquote{border-inline-start:3px solid #3a8ee6;margin:4px 0;padding:2px 8px;unicode-bidi:plaintext}"
                + "</style></head><body><div class='bubble' dir='auto'>" + telegramHtml + "</div></body></html>";
        Path file = dir.resolve(screenshot.replace(".png", ".html"));
        Files.writeString(file, page);
        browser.get(file.toUri().toString());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", screenshot), StandardCopyOption.REPLACE_EXISTING);
    }

    private double[] box(String text) {
        return box(text, 0, 1);
    }

    private double[] box(String text, int offset) {
        return box(text, offset, 1);
    }

    /**
     * The left and top of the first character at {@code offset} within the {@code nth} occurrence of
     * {@code text} in the bubble, as laid out on screen; null when there is no such occurrence.
     */
    private double[] box(String text, int offset, int nth) {
        Object r = ((JavascriptExecutor) browser).executeScript("""
                const [text, offset, nth] = arguments;
                const walker = document.createTreeWalker(document.querySelector('.bubble'), NodeFilter.SHOW_TEXT);
                let seen = 0;
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  let at = n.data.indexOf(text);
                  while (at >= 0) {
                    if (++seen === nth) {
                      const range = document.createRange();
                      range.setStart(n, at + offset); range.setEnd(n, at + offset + 1);
                      const b = range.getBoundingClientRect();
                      return [b.left, b.top];
                    }
                    at = n.data.indexOf(text, at + 1);
                  }
                }
                return null;""", text, offset, nth);
        if (r == null) {
            return null;
        }
        List<?> l = (List<?>) r;
        return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
    }
}
