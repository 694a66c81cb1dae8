package io.heavenbase.backend.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The two encodings of the file backends, both through Jackson's streaming API so one codec serves
 * both: pretty-printed UTF-8 JSON with {@code \n} line ends (diff-friendly, the same bytes on every
 * platform) and CBOR (RFC 8949, compact binary). Parsers reject duplicate keys and allow strings of
 * any length (large Artifacts); neither closes the stream it is given.
 */
enum FileEncoding {

    JSON(".json", JsonFactory.builder()),
    CBOR(".cbor", CBORFactory.builder());

    private final String extension;
    private final JsonFactory factory;

    FileEncoding(String extension, TSFBuilder<?, ?> builder) {
        this.extension = extension;
        this.factory = builder
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxDocumentLength(-1)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    /** The file name extension, with its dot. */
    String extension() {
        return extension;
    }

    JsonParser parser(InputStream in) throws IOException {
        return factory.createParser(in);
    }

    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = factory.createGenerator(out);
        if (this == JSON) {
            DefaultIndenter lines = new DefaultIndenter("  ", "\n");
            generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(lines)
                    .withRootSeparator("\n"));
        }
        return generator;
    }

    /** Ends a document written with {@link #generator}: JSON files end with a line break. */
    void finish(JsonGenerator generator) throws IOException {
        if (this == JSON) {
            generator.writeRaw('\n');
        }
        generator.flush();
    }
}
