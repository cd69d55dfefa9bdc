package footprint.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Jackson set-up of model files: no coercion (a number written as text is an error, not a
 * number), nothing after the object, enums in lower case with '-' ({@code tree-plru}), and the
 * files' own layout when writing.
 */
final class ModelJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("model-enums")
                    .addDeserializer(Provenance.Basis.class, new WordDeserializer<>(Provenance.Basis.class))
                    .addDeserializer(Replacement.class, new WordDeserializer<>(Replacement.class))
                    .addDeserializer(Inclusion.class, new WordDeserializer<>(Inclusion.class))
                    .addSerializer(new WordSerializer<>(Provenance.Basis.class))
                    .addSerializer(new WordSerializer<>(Replacement.class))
                    .addSerializer(new WordSerializer<>(Inclusion.class)))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        // A number or boolean where text belongs is as wrong as text where a number belongs.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ModelJson() {}

    static String write(CpuModelFile file) {
        try {
            return WRITER.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CPU model " + file.id(), e);
        }
    }

    /** How an enum constant is written in model files: {@code TREE_PLRU} as {@code tree-plru}. */
    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The words of every constant, for error messages. */
    static String words(Class<? extends Enum<?>> type) {
        return Stream.of(type.getEnumConstants()).map(ModelJson::word).collect(Collectors.joining(", "));
    }

    private static final class WordDeserializer<E extends Enum<E>> extends StdScalarDeserializer<E> {
        private final Class<E> type;

        WordDeserializer(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (E) ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            for (E e : type.getEnumConstants()) {
                if (word(e).equals(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return e;
                }
            }
            throw ctxt.weirdStringException(text, type, "is not one of " + words(type));
        }
    }

    private static final class WordSerializer<E extends Enum<E>> extends StdScalarSerializer<E> {
        WordSerializer(Class<E> type) {
            super(type);
        }

        @Override
        public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(word(value));
        }
    }
}
