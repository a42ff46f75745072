package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutletNamesTest {

    @Test
    void spellingsDifferingInCaseSpacingOrPunctuationShareAKey() {
        assertThat(OutletNames.key("France 24")).isEqualTo(OutletNames.key("France24"))
                .isEqualTo(OutletNames.key(" FRANCE-24 ")).isEqualTo("france24");
        assertThat(OutletNames.key("فرانس ٢٤")).isEqualTo(OutletNames.key("فرانس 24"));
        assertThat(OutletNames.key("BBC News")).isNotEqualTo(OutletNames.key("BBC"));
    }

    @Test
    void theAliasTableGivesTheOneName() {
        OutletNames names = new OutletNames(Map.of("France 24", List.of("France24", "فرانس 24")));
        assertThat(names.canonical("france24")).isEqualTo("France 24");
        assertThat(names.canonical("فرانس 24")).isEqualTo("France 24");
        assertThat(names.canonical(" Reuters ")).isEqualTo("Reuters");
        assertThat(names.canonical(null)).isNull();
        assertThat(OutletNames.none().canonical("France24")).isEqualTo("France24");
    }
}
