# Interface strings of the Bielefeld site (Russian).
site-title = Мы содействуем интеграции!
