# Interface strings of the Bielefeld site (Persian).
site-title = ما از ادغام حمایت می‌کنیم!
