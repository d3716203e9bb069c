package cn.mashang.open311;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The official GeoReport v2 JSON schemas (open311/schema-validation), read where they are kept — system property
 * {@code open311.schemas}, by default {@code ../shared/open311} — never copied into this repository. The schemas
 * carry no {@code $schema}: they are read as draft-04, with format assertions on (date-time, uri). Their
 * {@code $ref}s ("request.json") resolve against a base IRI that maps back onto the folder.
 */
final class GeoReportSchemas {
    static final String BASE = "https://open311.schemas.test/georeport-v2/";
    private final Path dir;
    private final SchemaRegistry registry;

    GeoReportSchemas() {
        dir = Path.of(System.getProperty("open311.schemas", "../shared/open311")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("request.json"))) {
            throw new IllegalStateException("GeoReport v2 schemas not found in " + dir
                    + " (tests tagged 'shared' need ../shared/open311; see pom.xml, profile 'shared')");
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b
                .schemaRegistryConfig(config)
                .schemas(iri -> iri.startsWith(BASE) ? read(iri.substring(BASE.length())) : null));
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation errors of a JSON answer against one of the schema files (e.g. "services.json"). */
    List<String> errors(String schemaFile, String json) {
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + schemaFile));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    Path dir() {
        return dir;
    }
}
