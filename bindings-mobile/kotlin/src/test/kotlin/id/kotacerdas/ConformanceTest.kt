package id.kotacerdas

import java.io.File
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * Every case of every vector file in conformance/vectors, through the generic `call`, with the
 * rule of `kotacerdas conformance run` (cli/src/conformance/compare.rs): expected `ok` fields
 * are a subset at any depth; a list of plain values holds the same elements in any order; any
 * other list has the same length and is compared element by element, each as a subset; an
 * expected error matches by code.
 */
class ConformanceTest {
    private val vectorsDir = File(System.getProperty("kotacerdas.vectors.dir") ?: "../../conformance/vectors")

    private fun vectorFiles(): List<File> =
        vectorsDir.walkTopDown().filter { it.isFile && it.extension == "json" }.sortedBy { it.path }.toList()

    @TestFactory
    fun everyVector(): List<DynamicTest> {
        val files = vectorFiles()
        assertTrue(files.isNotEmpty(), "no vector files under $vectorsDir")
        return files.flatMap { file ->
            val suite = Json.parseToJsonElement(file.readText()).jsonObject
            val function = suite.getValue("function").jsonPrimitive.content
            suite.getValue("cases").jsonArray.map { case ->
                val case = case.jsonObject
                val id = case.getValue("id").jsonPrimitive.content
                DynamicTest.dynamicTest("${file.name}: $id") { check(function, case) }
            }
        }
    }

    private fun check(function: String, case: JsonObject) {
        val expected = case.getValue("expected").jsonObject
        val input = case.getValue("input").toString()
        val wantOk = expected["ok"]
        try {
            val actual = Json.parseToJsonElement(call(function, input))
            if (wantOk == null) {
                throw AssertionError("expected error ${expected["error"]}, got a result: $actual")
            }
            val differences = mutableListOf<String>()
            subset(wantOk, actual, "", differences)
            if (differences.isNotEmpty()) throw AssertionError(differences.joinToString("\n"))
        } catch (e: CallException.Rejected) {
            expectCode(expected, e.code)
        } catch (e: CallException.InvalidInput) {
            expectCode(expected, e.code)
        } catch (e: CallException.UnknownFunction) {
            expectCode(expected, e.code)
        }
    }

    private fun expectCode(expected: JsonObject, code: String) {
        val want = expected["error"]?.jsonObject?.get("code")?.jsonPrimitive?.content
            ?: throw AssertionError("expected a result, got error $code")
        if (want != code) throw AssertionError("expected error $want, got error $code")
    }

    private fun subset(want: JsonElement, have: JsonElement, path: String, differences: MutableList<String>) {
        if (want is JsonObject && have is JsonObject) {
            for ((key, value) in want) {
                val child = if (path.isEmpty()) key else "$path.$key"
                val actual = have[key]
                if (actual == null) differences += "$child: expected $value, missing"
                else subset(value, actual, child, differences)
            }
        } else if (want is JsonArray && have is JsonArray && want.all { it is JsonPrimitive }) {
            if (!sameMultiset(want, have)) differences += "${path.ifEmpty { "(result)" }}: expected $want (in any order), got $have"
        } else if (want is JsonArray && have is JsonArray && want.size == have.size) {
            want.indices.forEach { subset(want[it], have[it], "$path[$it]", differences) }
        } else if (!sameValue(want, have)) {
            differences += "${path.ifEmpty { "(result)" }}: expected $want, got $have"
        }
    }

    private fun sameMultiset(want: JsonArray, have: JsonArray): Boolean {
        if (want.size != have.size) return false
        val unused = have.toMutableList()
        return want.all { w ->
            val i = unused.indexOfFirst { sameValue(w, it) }
            if (i >= 0) unused.removeAt(i)
            i >= 0
        }
    }

    // 5 and 5.0 are the same JSON number.
    private fun sameValue(a: JsonElement, b: JsonElement): Boolean {
        if (a is JsonPrimitive && b is JsonPrimitive && !a.isString && !b.isString) {
            val (x, y) = a.doubleOrNull to b.doubleOrNull
            if (x != null && y != null) return x == y
        }
        return a == b
    }
}
