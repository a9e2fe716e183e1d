package dev.cinderemulator.api;

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
}
