package dev.cinderemulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class JsonSchemaTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pythonReprMatchesWhatCinderPrints() {
        assertThat(PythonText.repr(json.readTree("{\"a\": [true, null, 1.5, \"it's\"]}")))
                .isEqualTo("{'a': [True, None, 1.5, \"it's\"]}");
        assertThat(PythonText.str(json.readTree("\"plain\""))).isEqualTo("plain");
    }

    @Test
    void firstErrorInDeclarationOrderWins() {
        JsonSchema schema = JsonSchema.schema().type("object")
                .property("b", JsonSchema.schema().type("string"))
                .property("a", JsonSchema.schema().type("string"))
                .required("c").noAdditionalProperties();
        assertThatThrownBy(() -> schema.validate(json.readTree("{\"a\": 1, \"b\": 2}")))
                .hasMessage("Invalid input for field/attribute b. Value: 2. 2 is not of type 'string'");
        assertThatThrownBy(() -> schema.validate(json.readTree("{\"z\": 1, \"y\": 2, \"c\": 0}")))
                .hasMessage("Additional properties are not allowed ('c', 'y', 'z' were unexpected)");
    }

    @Test
    void metadataKeysAreCheckedAgainstThePattern() {
        JsonSchema schema = JsonSchema.schema().type("object").property("m", ParameterTypes.metadata(false));
        assertThatThrownBy(() -> schema.validate(json.readTree("{\"m\": {\"bad key!\": \"v\"}}")))
                .hasMessage("Invalid input for field/attribute m. Value: {'bad key!': 'v'}. 'bad key!' does not match "
                        + "any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'");
    }

    @Test
    void uuidsAreAcceptedInOslosLooseForms() {
        assertThat(ParameterTypes.isUuidLike("A0B1C2D3-E4F5-6789-ABCD-EF0123456789")).isTrue();
        assertThat(ParameterTypes.isUuidLike("a0b1c2d3e4f56789abcdef0123456789")).isTrue();
        assertThat(ParameterTypes.isUuidLike("not a uuid")).isFalse();
    }

    @Test
    void integersAreDraftFourIntegersAndNumericStringsMeetTheirBounds() {
        JsonSchema schema = JsonSchema.schema().type("object")
                .property("size", JsonSchema.schema().type("integer", "string").range(1, 10));
        assertThatThrownBy(() -> schema.validate(json.readTree("{\"size\": 2.0}")))
                .hasMessage("Invalid input for field/attribute size. Value: 2.0. 2.0 is not of type 'integer', 'string'");
        assertThatThrownBy(() -> schema.validate(json.readTree("{\"size\": \"0\"}")))
                .hasMessage("Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1");
        assertThatThrownBy(() -> schema.validate(json.readTree("{\"size\": \"10.5\"}")))
                .hasMessage("Invalid input for field/attribute size. Value: 10.5. 10.5 is greater than the maximum of 10");
        assertThat(schema.accepts(json.readTree("{\"size\": \"ten\"}"))).isTrue();
    }

    @Test
    void dictLiteralsAreReadLikeLiteralEval() {
        assertThat(PythonText.literalDict("{'a': 'b', \"c\": 1}")).contains(java.util.Map.of("a", "b", "c", "1"));
        assertThat(PythonText.literalDict(" {} ")).contains(java.util.Map.of());
        assertThat(PythonText.literalDict("{'it\\'s': 'x'}")).contains(java.util.Map.of("it's", "x"));
        assertThat(PythonText.literalDict("a=b")).isEmpty();
        assertThat(PythonText.literalDict("['a']")).isEmpty();
        assertThat(PythonText.literalDict("{'a': 'b'")).isEmpty();
    }
}
