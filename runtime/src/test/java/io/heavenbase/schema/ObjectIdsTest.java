package io.heavenbase.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected ids were computed outside Java, e.g. {@code printf 'article\x1fhello' | sha256sum | cut -c1-32}. */
class ObjectIdsTest {

    @Test
    void idIsTheFirstHalfOfTheSha256OfEntityUnitSeparatorName() {
        assertThat(ObjectIds.fromName("article", "hello")).isEqualTo("59444d1d354869c4c5b484fd9c0e8a88");
    }

    @Test
    void nameIsEncodedAsUtf8() {
        assertThat(ObjectIds.fromName("article", "café")).isEqualTo("58abee7f64b51142f0ed4a99357fe848");
    }

    @Test
    void separatorKeepsShiftedBoundariesApart() {
        assertThat(ObjectIds.fromName("a-b", "c")).isEqualTo("e09594074df4a562b736ae6f95105adc");
        assertThat(ObjectIds.fromName("a", "b-c")).isEqualTo("6726a65c4d135a3dbbd0422c09045c73");
    }

    @Test
    void idFitsAnIdentifier() {
        String id = ObjectIds.fromName("article", "x".repeat(10_000));

        assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(DType.IDENTIFIER.normalize(id, "article", "object_id")).isEqualTo(id);
    }
}
