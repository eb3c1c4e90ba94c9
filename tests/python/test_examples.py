import unittest
class T(unittest.TestCase):
    def test_todo(self): self.skipTest("todo")
if __name__ == "__main__":
    import taprunner; taprunner.main()
