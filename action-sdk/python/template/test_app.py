"""Unit tests of the action in plain CPython (no build): python3 -m unittest"""

import unittest

from app import Greet
from bora_action import ActionError, Context, describe, invoke


class GreetTest(unittest.TestCase):
    def test_greets_with_defaults(self):
        out = invoke(Greet, '{"name": "Ada"}', Context(action_name="example.greet"))
        self.assertEqual(out, {"greetings": ["Hello, Ada!"], "execution_id": None})

    def test_bad_input_names_the_parameter(self):
        with self.assertRaises(ActionError) as caught:
            invoke(Greet, '{"name": "Ada", "times": "x"}')
        self.assertIn("parameter 'times': expected an integer", caught.exception.message)
        with self.assertRaises(ActionError) as caught:
            invoke(Greet, '{"name": " "}')
        self.assertEqual(caught.exception.details, {"param": "name"})

    def test_describes_its_parameters(self):
        d = describe(Greet)
        self.assertEqual([p.name for p in d.params], ["name", "greeting", "times"])
        self.assertEqual([p.default for p in d.params], [None, '"Hello"', "1"])


if __name__ == "__main__":
    unittest.main()
