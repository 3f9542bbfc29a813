package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Strategic merge patch and apply semantics for the list shapes charts use. */
class PatchesTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode read(String text) throws Exception {
        return (ObjectNode) json.readTree(text.replace('\'', '"'));
    }

    @Test
    void servicePortsMergeByPortAndVolumesByName() throws Exception {
        JsonNode live = read("{'spec':{'ports':[{'port':80,'name':'http'},{'port':443,'name':'https'}]}}");
        JsonNode patched = Patches.strategicMerge(live, read("{'spec':{'ports':[{'port':443,'targetPort':8443}]}}"));
        assertThat(patched.toString()).isEqualTo(
                "{\"spec\":{\"ports\":[{\"port\":80,\"name\":\"http\"},{\"port\":443,\"name\":\"https\",\"targetPort\":8443}]}}");

        JsonNode pod = read("{'volumes':[{'name':'a','emptyDir':{}},{'name':'b','configMap':{'name':'x'}}]}");
        JsonNode result = Patches.strategicMerge(pod,
                read("{'volumes':[{'name':'b','$patch':'delete'},{'name':'c','secret':{'secretName':'s'}}]}"));
        assertThat(result.path("volumes")).extracting(v -> v.path("name").asText()).containsExactly("a", "c");
    }

    @Test
    void atomicListsReplaceAndNullDeletesAndRetainKeysPrunes() throws Exception {
        JsonNode live = read("{'args':['a','b'],'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},"
                + "'keep':1,'drop':2}");
        JsonNode result = Patches.strategicMerge(live, read("{'args':['c'],'drop':null,"
                + "'strategy':{'$retainKeys':['type'],'type':'Recreate'}}"));
        assertThat(result.toString()).isEqualTo(
                "{\"args\":[\"c\"],\"strategy\":{\"type\":\"Recreate\"},\"keep\":1}");
    }

    @Test
    void finalizersMergeAsASetAndDeleteFromPrimitiveList() throws Exception {
        JsonNode live = read("{'metadata':{'finalizers':['a','b']}}");
        JsonNode added = Patches.strategicMerge(live, read("{'metadata':{'finalizers':['b','c']}}"));
        assertThat(added.path("metadata").path("finalizers").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        JsonNode removed = Patches.strategicMerge(added,
                read("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}"));
        assertThat(removed.path("metadata").path("finalizers").toString()).isEqualTo("[\"b\",\"c\"]");
    }

    @Test
    void applyRemovesOnlyWhatTheSameManagerAppliedBefore() throws Exception {
        ObjectNode live = read("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'a:1',"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'},{'name':'MANUAL','value':'m'}]}]}}}}");
        ObjectNode last = read("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'a:1',"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}}}");
        ObjectNode config = read("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'a:2',"
                + "'env':[{'name':'A','value':'1'}]}]}}}}");
        JsonNode result = Patches.apply(live, last, config);
        JsonNode container = result.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo("a:2");
        assertThat(container.path("env")).extracting(e -> e.path("name").asText()).containsExactly("A", "MANUAL");
    }
}
