package org.cryoetgan.gan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class ScalerSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static VolumeScaler read(String json, Normalization fallback) throws Exception {
        return ScalerSpec.fromJson(JSON.readTree(json), fallback).toScaler();
    }

    private static void assertSame(VolumeScaler expected, VolumeScaler actual) {
        assertEquals(expected.mode(), actual.mode());
        assertEquals(expected.mean(), actual.mean(), 0);
        assertEquals(expected.std(), actual.std(), 0);
        assertEquals(expected.clip(), actual.clip(), 0);
    }

    @Test
    void theStoredFormNamesTheClipOnlyWhenItIsNotTheDefault() throws Exception {
        assertEquals("{\"mode\":\"ZSCORE\",\"mean\":0.0,\"std\":1.0}",
                JSON.writeValueAsString(ScalerSpec.of(VolumeScaler.perVolume(Normalization.ZSCORE))));
        assertEquals("{\"mode\":\"GLOBAL_ZSCORE\",\"mean\":0.5,\"std\":2.0,\"clip\":12.0}",
                JSON.writeValueAsString(ScalerSpec.of(VolumeScaler.global(0.5, 2, 12))));
    }

    @Test
    void everyScalerSurvivesTheRoundTripThroughBothReaders() throws Exception {
        for (VolumeScaler s : new VolumeScaler[] {VolumeScaler.perVolume(Normalization.MINMAX),
                VolumeScaler.perVolume(Normalization.ZSCORE, 2.5), VolumeScaler.global(-1.25, 0.75),
                VolumeScaler.global(3, 4, 6)}) {
            String json = JSON.writeValueAsString(ScalerSpec.of(s));
            assertSame(s, read(json, Normalization.MINMAX));
            assertSame(s, JSON.readValue(json, ScalerSpec.class).toScaler());
        }
    }

    @Test
    void checkpointsAndClassifierFoldersWrittenBeforeReadAsThen() throws Exception {
        // checkpoints stored every key, the default clip included
        assertSame(VolumeScaler.perVolume(Normalization.ZSCORE),
                read("{\"mode\":\"ZSCORE\",\"mean\":0.0,\"std\":1.0,\"clip\":3.0}", Normalization.MINMAX));
        assertSame(VolumeScaler.global(0.25, 1.5, 12),
                read("{\"mode\":\"GLOBAL_ZSCORE\",\"mean\":0.25,\"std\":1.5,\"clip\":12.0}", Normalization.MINMAX));
        // classifier folders stored no clip
        assertSame(VolumeScaler.global(0.25, 1.5),
                JSON.readValue("{\"mode\":\"GLOBAL_ZSCORE\",\"mean\":0.25,\"std\":1.5}", ScalerSpec.class).toScaler());
        // the oldest checkpoints stored no scaler: the run's configured mode
        JsonNode none = MissingNode.getInstance();
        assertSame(VolumeScaler.perVolume(Normalization.ZSCORE),
                ScalerSpec.fromJson(none, Normalization.ZSCORE).toScaler());
        assertThrows(IllegalArgumentException.class,
                () -> ScalerSpec.fromJson(none, Normalization.GLOBAL_ZSCORE).toScaler());
    }
}
