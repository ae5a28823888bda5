# Interface strings of the Bielefeld site (Bulgarian).
site-title = Насърчаваме интеграцията!
