package org.isnad.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.audit.AnswerEvent;
import org.isnad.audit.Answers;
import org.isnad.audit.AuditLog;
import org.isnad.audit.Feedback;
import org.isnad.audit.ModerationState;
import org.isnad.audit.Pseudonymizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * sign in with the token, filter to 👎, open an answer, see the highlighted quote, mark it
 * wrong-citation, reload, see the new state; without the token nothing is shown. Fails (does not
 * skip) when Chromium is missing, unless {@code ISNAD_SKIP_BROWSER_TESTS=1}.
 */
@Tag("browser")
class ReviewBrowserTest {

    private static final String TOKEN = "browser-test-token";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String QUOTE = "Russia invited the Palestinian factions to Moscow on 29 February";

    @TempDir
    Path dir;

    private AuditLog log;
    private ReviewServer server;
    private WebDriver browser;
    private WebDriverWait wait;
    private long up;
    private long downEnglish;
    private long downArabic;
    private long evil;

    @BeforeEach
    void start() throws Exception {
        if ("1".equals(System.getenv("ISNAD_SKIP_BROWSER_TESTS"))) {
            Assumptions.abort("ISNAD_SKIP_BROWSER_TESTS=1");
        }
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver):"
                        + " apt-get install -y chromium chromium-driver, or set ISNAD_SKIP_BROWSER_TESTS=1 to skip it")
                .isTrue();

        log = AuditLog.open(dir.resolve("audit.db"), Pseudonymizer.raw(), Clock.systemUTC());
        up = log.record(Answers.english("Who was invited? (liked)"), AnswerEvent.cli());
        downEnglish = log.record(Answers.english("Who was invited to Moscow?"), AnswerEvent.telegram(1L, 2L, "subscriber", 3L));
        downArabic = log.record(Answers.arabic("من دعت روسيا إلى موسكو؟"), AnswerEvent.telegram(4L, 5L, "subscriber", 6L));
        evil = log.record(new Answer("<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>", "en", false,
                "<b>bold?</b>", List.of(), List.of(), "extractive", 1, null, null), AnswerEvent.cli());
        log.feedback(up, Feedback.UP);
        log.feedback(downEnglish, Feedback.DOWN);
        log.feedback(downArabic, Feedback.DOWN);
        server = ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, "mona=" + TOKEN + ",sami=another-token"), log,
                id -> Answers.DOC_ID.equals(id) ? Optional.of(Answers.DOC_TEXT) : Optional.empty());

        // Explicit driver and browser paths: Selenium Manager must not look for (or download) anything.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en");
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (log != null) {
            log.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void aModeratorFiltersToThumbsDownOpensAnAnswerAndMarksItWrongCitation() {
        // Without the token: the login form and nothing else.
        browser.get(url("/review"));
        assertThat(browser.findElements(By.id("login-token"))).hasSize(1);
        assertThat(browser.findElements(By.id("entries"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Moscow", "موسكو", "pwned");
        browser.get(url("/review/api/entries"));
        assertThat(browser.getPageSource()).contains("moderator token required").doesNotContain("Moscow", "موسكو");

        // A wrong token is refused.
        browser.get(url("/review"));
        signIn("not-the-token");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-failed")));
        assertThat(browser.findElements(By.id("entries"))).isEmpty();

        // With the token: the list, newest first, and the counters.
        signIn(TOKEN);
        wait.until(d -> rows().size() == 4);
        assertThat(rows().getFirst().getAttribute("data-id")).isEqualTo(Long.toString(evil));
        assertThat(browser.findElement(By.id("c-today")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.id("c-unreviewed")).getText()).isEqualTo("4");

        // Filter to 👎.
        new Select(browser.findElement(By.id("filter-feedback"))).selectByValue("down");
        browser.findElement(By.id("filter-apply")).click();
        wait.until(d -> rows().size() == 2);
        assertThat(rows()).extracting(r -> r.getAttribute("data-id"))
                .containsExactly(Long.toString(downArabic), Long.toString(downEnglish));
        assertThat(rows()).allSatisfy(r -> assertThat(r.findElement(By.className("feedback")).getText()).isEqualTo("👎"));

        // Open the English answer: its quote is highlighted inside its source paragraph.
        rows().get(1).findElement(By.className("open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-view")));
        wait.until(ExpectedConditions.textToBe(By.id("d-question"), "Who was invited to Moscow?"));
        WebElement mark = browser.findElement(By.cssSelector("#d-citations mark.quote"));
        assertThat(mark.getText()).isEqualTo(QUOTE);
        assertThat(mark.getCssValue("background-color")).isNotIn("rgba(0, 0, 0, 0)", "transparent");
        WebElement paragraph = mark.findElement(By.xpath(".."));
        assertThat(paragraph.getText()).isEqualTo(QUOTE + ", the foreign ministry said.");
        assertThat(browser.findElement(By.id("entry-state")).getText()).isEqualTo("unreviewed");

        // Mark it wrong-citation with a note; reload; the state is still there.
        browser.findElement(By.id("d-note")).sendKeys("[1] is about another meeting");
        browser.findElement(By.cssSelector("#state-buttons button[data-state='wrong-citation']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("entry-state"), "wrong-citation"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("entry-state"), "wrong-citation"));
        assertThat(browser.findElement(By.id("d-note")).getAttribute("value")).isEqualTo("[1] is about another meeting");
        assertThat(browser.findElement(By.id("d-reviewed")).getText()).contains("by mona");
        assertThat(log.get(downEnglish).orElseThrow().state()).isEqualTo(ModerationState.WRONG_CITATION);

        // Back in the list the row shows the new state.
        browser.findElement(By.id("back")).click();
        wait.until(d -> rows().size() == 2);
        assertThat(rows().get(1).findElement(By.className("state")).getText()).isEqualTo("wrong-citation");
        assertThat(browser.findElement(By.id("c-unreviewed")).getText()).isEqualTo("3");
    }

    @Test
    void theListShowsTheAnswerAndFirstQuoteAndAVerdictLeadsToTheNextUnreviewed() throws Exception {
        browser.get(url("/review"));
        signIn(TOKEN);
        wait.until(d -> rows().size() == 4);
        WebElement english = rows().stream().filter(r -> r.getAttribute("data-id").equals(Long.toString(downEnglish))).findFirst().orElseThrow();
        assertThat(english.findElement(By.className("answer-snippet")).getText()).contains("Russia invited the Palestinian factions");
        assertThat(english.findElement(By.className("quote-snippet")).getText()).contains(QUOTE.substring(0, 20));

        // An entry shows what Isnad could have cited
        english.findElement(By.className("open")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-question"), "Who was invited to Moscow?"));
        assertThat(browser.findElements(By.cssSelector("#d-candidates li"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#d-candidates li")).getText()).contains(Answers.DOC_ID, "14–110", "cited");

        // A verdict refreshes the counters at once; "Next unreviewed" opens another entry still to review
        browser.findElement(By.cssSelector("#state-buttons button[data-state='ok']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("c-unreviewed"), "3"));
        browser.findElement(By.id("next-unreviewed")).click();
        wait.until(d -> !d.findElement(By.id("d-id")).getText().equals(Long.toString(downEnglish)));
        wait.until(ExpectedConditions.textToBe(By.id("entry-state"), "unreviewed"));
        java.io.File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "review-next-unreviewed.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theModeratorChoosesArabicLabelsAndTheChoiceIsKept() throws Exception {
        browser.get(url("/review"));
        signIn(TOKEN);
        wait.until(d -> rows().size() == 4);
        new Select(browser.findElement(By.id("ui-lang"))).selectByValue("ar");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 a"), "مراجعة إسناد"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("filter-apply")).getText()).isEqualTo("تصفية");
        // what readers wrote is shown as written
        wait.until(d -> rows().size() == 4);
        assertThat(rows().stream().map(r -> r.findElement(By.className("question")).getText()).toList())
                .contains("Who was invited to Moscow?", "من دعت روسيا إلى موسكو؟");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 a"), "مراجعة إسناد"));
        // a rate keeps its order in the right-to-left page: "25% (1)", the figure left of its count
        wait.until(d -> d.findElement(By.id("c-unanswered")).getText().contains("%"));
        var rate = browser.findElement(By.id("c-unanswered"));
        String figure = rate.getText();
        assertThat(figure).matches("\\d+(\\.\\d)?% \\(\\d+\\)");
        Object percentLeftOfCount = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const n = arguments[0].firstChild, t = n.textContent, r = document.createRange();"
                + "r.setStart(n, t.indexOf('%')); r.setEnd(n, t.indexOf('%') + 1); const p = r.getBoundingClientRect().left;"
                + "r.setStart(n, t.indexOf('(')); r.setEnd(n, t.indexOf('(') + 1); return p < r.getBoundingClientRect().left;", rate);
        assertThat(percentLeftOfCount).isEqualTo(true);
        java.io.File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "review-arabic-labels.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void arabicRunsRightToLeftEnglishLeftToRightAndMarkupShowsAsText() {
        browser.get(url("/review"));
        signIn(TOKEN);
        wait.until(d -> rows().size() == 4);

        browser.get(url("/review#/entry/" + downArabic));
        wait.until(ExpectedConditions.textToBe(By.id("d-question"), "من دعت روسيا إلى موسكو؟"));
        assertThat(isRtl(browser.findElement(By.id("d-question")))).isTrue();
        assertThat(isRtl(browser.findElement(By.cssSelector("#d-citations .source")))).isTrue();
        assertThat(browser.findElement(By.cssSelector("#d-citations mark.quote")).getText()).isEqualTo("دعت روسيا الفصائل الفلسطينية إلى موسكو");

        browser.get(url("/review#/entry/" + downEnglish));
        wait.until(ExpectedConditions.textToBe(By.id("d-question"), "Who was invited to Moscow?"));
        assertThat(isRtl(browser.findElement(By.id("d-question")))).isFalse();

        browser.get(url("/review#/entry/" + evil));
        wait.until(ExpectedConditions.textToBe(By.id("d-answer"), "<b>bold?</b>"));
        assertThat(browser.findElement(By.id("d-question")).getText())
                .isEqualTo("<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>");
        assertThat(browser.findElements(By.cssSelector("#d-question img, #d-question script, #d-answer b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);

        // Signing out ends the session: the page is the login form again and the API refuses.
        browser.get(url("/review"));
        wait.until(d -> rows().size() == 4);
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-token")));
        browser.get(url("/review/api/entries"));
        assertThat(browser.getPageSource()).contains("moderator token required").doesNotContain("Moscow");
    }

    private void signIn(String token) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-token")));
        browser.findElement(By.id("login-token")).sendKeys(token);
        browser.findElement(By.id("login-submit")).click();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#entries tbody tr.entry"));
    }

    private boolean isRtl(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return arguments[0].matches(':dir(rtl)')", element));
    }
}
