package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs PyTorch reference cases (FORMAT.md) through nn4j: one call per case, outputs and gradients
 * compared within the case's tolerance. Generic over any file of the format; never looks at ids.
 */
public final class Conformance {
    /** Python's json writes NaN and Infinity as bare tokens. */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final Registry registry;

    public Conformance(Registry registry) {
        this.registry = registry;
    }

    /** One case's result, with where it came from. */
    public record Result(String file, int line, String id, String kind, Outcome outcome) {}

    /** Counts and the per-case results of a run. */
    public record Report(List<Result> results) {
        public long count(Outcome.Status s) {
            return results.stream().filter(r -> r.outcome().status() == s).count();
        }

        public String summary() {
            return count(Outcome.Status.PASS) + " passed, " + count(Outcome.Status.FAIL) + " failed, "
                    + count(Outcome.Status.SKIP) + " skipped";
        }
    }

    /**
     * Runs every case of {@code files} whose kind is in {@code kinds} (all when null). A malformed file
     * raises {@link CaseFormatException} naming the file and line before any case runs.
     */
    public Report run(List<Path> files, Set<String> kinds, PrintStream log, boolean verbose) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            List<JsonNode> cases = parse(file);
            int lineNo = 0;
            for (JsonNode c : cases) {
                lineNo = c.get("__line").asInt();
                String kind = c.get("kind").asText();
                if (kinds != null && !kinds.contains(kind)) continue;
                String id = c.get("id").asText();
                Outcome o = runCase(c);
                results.add(new Result(file.toString(), lineNo, id, kind, o));
                if (log != null && (o.status() != Outcome.Status.PASS || verbose)) {
                    log.println(o.status() + " " + id + (o.reason() == null ? "" : ": " + o.reason()));
                }
            }
        }
        return new Report(results);
    }

    static List<JsonNode> parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new CaseFormatException(file + ": no such file");
        List<JsonNode> cases = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode c;
                try {
                    c = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new CaseFormatException(file + ":" + n + ": malformed JSON: " + e.getOriginalMessage());
                }
                if (c == null || !c.isObject() || !c.hasNonNull("id") || !c.hasNonNull("kind")) {
                    throw new CaseFormatException(file + ":" + n + ": expected a JSON object with \"id\" and \"kind\"");
                }
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("__line", n);
                cases.add(c);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CaseFormatException(file + ": not UTF-8 text");
        }
        return cases;
    }

    public Outcome runCase(JsonNode c) {
        String kind = c.get("kind").asText();
        try {
            if (kind.equals("tensor") || kind.equals("functional")) return runOp(c, kind);
            CaseRunner runner = registry.kindRunners.get(kind);
            if (runner == null) return Outcome.skip("kind '" + kind + "' not implemented");
            return runner.run(c);
        } catch (CaseFormatException e) {
            return Outcome.fail("malformed case: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.fail("error " + e.getClass().getSimpleName() + ": " + e.getMessage() + at(e));
        }
    }

    private static String at(Throwable e) {
        for (StackTraceElement s : e.getStackTrace()) {
            if (s.getClassName().startsWith("dev.nn4j")) return " (at " + s.getClassName().replaceAll(".*\\.", "") + "." + s.getMethodName() + ":" + s.getLineNumber() + ")";
        }
        return "";
    }

    private Outcome runOp(JsonNode c, String kind) {
        String op = c.path("op").asText();
        OpHandler h = (kind.equals("tensor") ? registry.tensorOps : registry.functionalOps).get(op);
        if (h == null) return Outcome.skip("op not implemented: " + (kind.equals("tensor") ? "torch." : "F.") + op);
        JsonNode grads = c.get("grads");
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor t = CaseTensors.read(e.getValue());
            if (t.isFloatingPoint() && grads != null && grads.has(e.getKey())) t.requiresGrad_(true);
            inputs.put(e.getKey(), t);
        }
        double atol = c.path("tol").path("atol").asDouble(1e-5), rtol = c.path("tol").path("rtol").asDouble(1e-4);
        List<Tensor> outs = asList(h.apply(inputs, new Args(c.get("args"))));
        JsonNode output = c.get("output");
        List<JsonNode> want = new ArrayList<>();
        if (output.isArray()) output.forEach(want::add);
        else want.add(output);
        if (outs.size() < want.size()) return Outcome.fail("op returned " + outs.size() + " outputs, expected " + want.size());
        for (int i = 0; i < want.size(); i++) {
            String e = CaseTensors.compare(outs.get(i), want.get(i), atol, rtol);
            if (e != null) return Outcome.fail("output" + (want.size() > 1 ? "[" + i + "]" : "") + ": " + e);
        }
        if (grads != null && grads.size() > 0) {
            JsonNode go = c.get("grad_output");
            List<Tensor> gos = new ArrayList<>();
            if (go.isArray()) go.forEach(g -> gos.add(CaseTensors.read(g)));
            else gos.add(CaseTensors.read(go));
            List<Tensor> diff = new ArrayList<>();
            for (Tensor o : outs) if (o.isFloatingPoint() && o.requiresGrad()) diff.add(o);
            if (diff.size() != gos.size()) {
                return Outcome.fail(diff.size() + " differentiable outputs but " + gos.size() + " grad_outputs");
            }
            Autograd.backward(diff, gos);
            for (Iterator<Map.Entry<String, JsonNode>> it = grads.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Tensor in = inputs.get(e.getKey());
                if (in == null) return Outcome.fail("grad for unknown input '" + e.getKey() + "'");
                Tensor g = in.grad() != null ? in.grad() : Tensor.zerosLike(in);
                String err = CaseTensors.compare(g, e.getValue(), atol, rtol);
                if (err != null) return Outcome.fail("grad " + e.getKey() + ": " + err);
            }
        }
        return Outcome.pass();
    }

    @SuppressWarnings("unchecked")
    static List<Tensor> asList(Object out) {
        if (out instanceof Tensor t) return List.of(t);
        if (out instanceof Tensor[] a) return List.of(a);
        if (out instanceof Tensor.ValuesIndices vi) return List.of(vi.values(), vi.indices());
        if (out instanceof List<?> l) return (List<Tensor>) l;
        throw new IllegalStateException("handler returned " + (out == null ? "null" : out.getClass().getSimpleName()));
    }
}
