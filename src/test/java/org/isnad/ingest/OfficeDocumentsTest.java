package org.isnad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDF and Word files, generated here, through the real ingest: clean text a quote can be cut from. */
class OfficeDocumentsTest {

    /** Debian's fonts-dejavu-core (./test installs it): a font with Arabic presentation forms to draw. */
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @TempDir
    Path dir;
    IsnadIndex index;
    Ingester ingester;

    @BeforeEach
    void open() {
        index = IsnadIndex.open(dir.resolve("index"));
        ingester = new Ingester(index, 50_000_000);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** Draws each page's lines top to bottom; {@code visual} lines are drawn as a PDF producer lays Arabic out. */
    private static void pdf(Path file, List<List<String>> pages) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, DEJAVU.toFile());
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 740;
                    for (String line : lines) {
                        if (!line.isEmpty()) {
                            cs.beginText();
                            cs.setFont(font, 12);
                            cs.newLineAtOffset(60, y);
                            cs.showText(line);
                            cs.endText();
                        }
                        y -= line.isEmpty() ? 28 : 16;
                    }
                }
            }
            doc.save(file.toFile());
        }
    }

    /** Arabic as PDF producers draw it: presentation-form glyphs, left to right (the reverse of reading order). */
    static String drawn(String presentationForms) {
        return new StringBuilder(presentationForms).reverse().toString();
    }

    @Test
    void anArabicPdfComesOutInReadingOrderWithItsLettersAndWithoutRunningHeadersAndFooters() throws Exception {
        // "السلام عليكم" in presentation forms (isolated/initial/medial/final glyphs)
        String salam = "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1 \uFECB\uFEE0\uFEF4\uFEDC\uFEE2";
        Path file = dir.resolve("press.pdf");
        pdf(file, List.of(
                List.of("Ministry Press Office", "", drawn(salam), "", "The talks will resume in Moscow next week,",
                        "the ministry said on Tuesday.", "", "Page 1 of 3"),
                List.of("Ministry Press Office", "", "A second page of the statement.", "", "Page 2 of 3"),
                List.of("Ministry Press Office", "", "The third and last page.", "", "Page 3 of 3")));
        IngestReport report = ingester.ingest(List.of(file), false, IngestListener.NONE);
        assertThat(report.added()).as(report.skipped().toString()).isEqualTo(1);
        String text = index.document(DocumentIds.forFile(file, file)).map(d -> d.text())
                .orElseGet(() -> index.storedStates().keySet().stream().map(id -> index.document(id).orElseThrow().text()).findFirst().orElseThrow());
        assertThat(text).contains("السلام عليكم");
        assertThat(text).contains("The talks will resume in Moscow next week, the ministry said on Tuesday.");
        assertThat(text).doesNotContain("Ministry Press Office").doesNotContain("Page 2 of 3");
        assertThat(text).contains("A second page of the statement.").contains("The third and last page.");
    }

    @Test
    void aWordFileGivesItsParagraphsAndTitle() throws Exception {
        Path file = dir.resolve("statement.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle("Statement on the Moscow talks");
            doc.createParagraph().createRun().setText("Russia invited the Palestinian factions to Moscow.");
            doc.createParagraph().createRun().setText("وجهت روسيا الدعوة لكافة الفصائل الفلسطينية.");
            doc.write(out);
        }
        IngestReport report = ingester.ingest(List.of(file), false, IngestListener.NONE);
        assertThat(report.added()).as(report.skipped().toString()).isEqualTo(1);
        var d = index.storedStates().keySet().stream().map(id -> index.document(id).orElseThrow()).findFirst().orElseThrow();
        assertThat(d.title()).isEqualTo("Statement on the Moscow talks");
        assertThat(d.text()).contains("Russia invited the Palestinian factions to Moscow.\nوجهت روسيا الدعوة لكافة الفصائل الفلسطينية.");
    }

    @Test
    void aScannedPdfWithoutTextIsSkippedWithThatReason() throws Exception {
        Path file = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.fillRect(10, 10, 180, 80); // a picture of a page, no text layer
            g.dispose();
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 500);
            }
            doc.save(file.toFile());
        }
        IngestReport report = ingester.ingest(List.of(file), false, IngestListener.NONE);
        assertThat(report.added()).isZero();
        assertThat(report.skipped()).extracting(Skip::toString).anySatisfy(t -> assertThat(t).contains("scan.pdf").contains("OCR"));
    }

    @Test
    void aDamagedPdfIsSkippedWithItsReasonAndTheRestGoesOn() throws Exception {
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\nnot really a pdf".getBytes());
        Files.writeString(dir.resolve("good.txt"), "Good title\nGood body.");
        IngestReport report = ingester.ingest(List.of(dir.resolve("broken.pdf"), dir.resolve("good.txt")), false, IngestListener.NONE);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).extracting(Skip::toString).anySatisfy(t -> assertThat(t).contains("broken.pdf"));
    }
}
