//! Instances as JSON, decimals as strings so that no value passes through a float.

use crate::model::Instance;
use serde_json::Value;

/// One instance as a JSON value; without the solution, answers and diagnoses are
/// removed too, so that the file can be handed to students.
pub fn instance(inst: &Instance, with_solution: bool) -> Value {
    let mut v = serde_json::to_value(inst).expect("an instance always serialises");
    if !with_solution {
        if let Some(obj) = v.as_object_mut() {
            obj.remove("solution");
        }
        if let Some(qs) = v.get_mut("questions").and_then(Value::as_array_mut) {
            for q in qs.iter_mut().filter_map(Value::as_object_mut) {
                for key in ["answer", "mistakes", "formula", "step", "check"] {
                    q.remove(key);
                }
            }
        }
    }
    v
}

/// Pretty JSON text: one object for one instance, an array for several.
pub fn instances(list: &[Instance], with_solution: bool, as_array: bool) -> String {
    let values: Vec<Value> = list.iter().map(|i| instance(i, with_solution)).collect();
    let v = if as_array || values.len() != 1 {
        Value::Array(values)
    } else {
        values.into_iter().next().expect("one value")
    };
    let mut s = serde_json::to_string_pretty(&v).expect("JSON");
    s.push('\n');
    s
}
